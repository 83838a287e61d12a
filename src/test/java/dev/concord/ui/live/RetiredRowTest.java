package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.CreateCall;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.testing.AgentWindow;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** A record another agent retires leaves the console's list as soon as the delete event arrives. */
class RetiredRowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Sorts before the demo's sub_0001, so it is on the first page alice loads. */
    private static final String ID = "sub_0000_retired";
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();
    private static OkHttpConcordApi bob;
    private AgentWindow alice;

    @BeforeAll
    static void addARecordToRetire() {
        bob = new OkHttpConcordApi(console.serverUrl(), "demo-bob");
        Entity template = bob.get(EntityKind.SUBSCRIPTION, "sub_0001");
        bob.create(new CreateCall(EntityKind.SUBSCRIPTION, ID, template.values().asMap(), "retired-row"));
    }

    @BeforeEach
    void open(FxRobot robot) {
        alice = console.open("demo-alice");
        robot.interact(alice.vm::start);
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
