package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.CreateCall;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.ui.testing.AgentWindow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A record another agent retires leaves the console's list as soon as the delete event arrives. */
@ExtendWith(ApplicationExtension.class)
class RetiredRowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Sorts before the demo's sub_0001, so it is on the first page alice loads. */
    private static final String ID = "sub_0000_retired";
    private static ConcordServer server;
    private static OkHttpConcordApi bob;
    @TempDir
    Path home;
    private AgentWindow alice;

    @BeforeAll
    static void startServer() {
        server = ConcordServer.start(ServerConfig.demoInMemory());
        bob = new OkHttpConcordApi(server.baseUrl(), "demo-bob");
        Entity template = bob.get(EntityKind.SUBSCRIPTION, "sub_0001");
        bob.create(new CreateCall(EntityKind.SUBSCRIPTION, ID, template.values().asMap(), "retired-row"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        alice = new AgentWindow(new Stage(), server.baseUrl(), "demo-alice", home);
        alice.vm.start();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> {
            alice.stage.close();
            alice.close();
        });
    }

    @Test
    void aRetiredRecordLeavesTheList() {
        var list = alice.vm.list(EntityKind.SUBSCRIPTION);
        await().atMost(WAIT).until(() -> list.items().stream().anyMatch(r -> r.id().equals(ID)));
        await().atMost(WAIT).until(() -> alice.live.openedAfter() != null);

        bob.delete(EntityKind.SUBSCRIPTION, ID, 1);

        await().atMost(WAIT).until(() -> list.items().stream().noneMatch(r -> r.id().equals(ID)));
        assertThat(list.items()).isNotEmpty();
    }
}
