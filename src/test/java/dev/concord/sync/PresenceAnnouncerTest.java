package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concord.api.Presence;
import dev.concord.client.PresenceClient;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Quitting the console that hosts the embedded server stops that server under the announcer's last "leave": the
 * agent must not get a warning for it on every quit, while a leave that fails during work is still warned of.
 */
class PresenceAnnouncerTest {
    private final Logger log = (Logger) LoggerFactory.getLogger(PresenceAnnouncer.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level was;

    @BeforeEach
    void capture() {
        was = log.getLevel();
        log.setLevel(Level.DEBUG);
        captured.start();
        log.addAppender(captured);
    }

    @AfterEach
    void release() {
        log.detachAppender(captured);
        log.setLevel(was);
    }

    private static String unreachableServer() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private ILoggingEvent leaveLogged() {
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.list.stream()
                .anyMatch(e -> e.getFormattedMessage().startsWith("could not leave")));
        return captured.list.stream().filter(e -> e.getFormattedMessage().startsWith("could not leave"))
                .findFirst().orElseThrow();
    }

    @Test
    void aLeaveThatFailsWhileClosingIsNotWarnedOf() throws IOException {
        PresenceAnnouncer announcer = new PresenceAnnouncer(new PresenceClient(unreachableServer(), "demo-alice"));
        announcer.show(EntityKind.SUBSCRIPTION, "sub_0001", Presence.EDITING);

        announcer.close();

        assertThat(leaveLogged().getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void aLeaveThatFailsDuringWorkIsWarnedOf() throws IOException {
        PresenceAnnouncer announcer = new PresenceAnnouncer(new PresenceClient(unreachableServer(), "demo-alice"));
        try {
            announcer.show(EntityKind.SUBSCRIPTION, "sub_0001", Presence.EDITING);
            announcer.clear();

            assertThat(leaveLogged().getLevel()).isEqualTo(Level.WARN);
        } finally {
            announcer.close();
        }
    }
}
