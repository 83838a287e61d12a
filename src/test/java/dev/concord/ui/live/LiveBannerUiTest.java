package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.sync.SaveOutcome;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.testing.AgentWindow;
import dev.concord.ui.testing.Screenshots;
import dev.concord.ui.testing.UiKeys;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two console windows with live updates on one in-process server: Alice saves, Bob's open editor shows the
 * banner without Bob doing anything, Rebase now moves Bob's unsaved edits onto Alice's version, and Bob's
 * save then goes through on the first attempt.
 */
class LiveBannerUiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();
    private AgentWindow alice;
    private AgentWindow bob;

    @BeforeEach
    void open() {
        alice = console.open("demo-alice");
        bob = console.open("demo-bob");
    }

    private Entity openRow(FxRobot robot, AgentWindow agent, int row) {
        robot.interact(agent.stage::toFront);
        UiKeys.clickRow(robot, agent.root(), "#table-subscriptions", row);
        await().atMost(WAIT).until(() -> agent.vm.getEditor() != null);
        return agent.vm.getEditor().getBase();
    }

    private <T extends Node> T find(FxRobot robot, AgentWindow agent, String query, Class<T> type) {
        return robot.from(agent.root()).lookup(query).queryAs(type);
    }

    private String text(FxRobot robot, AgentWindow agent, String query) {
        return find(robot, agent, query, Label.class).getText();
    }

    private boolean bannerShown(FxRobot robot, AgentWindow agent) {
        return robot.from(agent.root()).lookup("#live-banner").tryQuery().map(Node::isVisible).orElse(false);
    }

    private void chooseStatus(FxRobot robot, AgentWindow agent, String label) {
        robot.clickOn(find(robot, agent, "#field-status", Node.class));
        robot.clickOn(robot.lookup(".context-menu .menu-item .label").match(LabeledMatchers.hasText(label))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String otherStatus(Entity record) {
        return "paused".equals(record.values().get("status")) ? "Active" : "Paused";
    }

    @Test
    void bobSeesAlicesSaveRebasesKeepingHisEditsAndSavesOnTheFirstAttempt(FxRobot robot) {
        Entity seen = openRow(robot, alice, 0);
        assertThat(openRow(robot, bob, 0).id()).isEqualTo(seen.id());
        long v = seen.version();
        UiKeys.replaceText(robot, bob.root(), "#field-notes", "Bob: customer called back.");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(robot, alice, "#live-presence")).isEqualTo("Bob is editing this record"));

        robot.interact(alice.stage::toFront);
        String status = otherStatus(seen);
        chooseStatus(robot, alice, status);
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, alice, "#notice")).isEqualTo("Saved (v" + (v + 1) + ")"));

        await().atMost(WAIT).until(() -> bannerShown(robot, bob));
        assertThat(text(robot, bob, "#live-message")).isEqualTo("Alice changed status just now");
        TableView<?> bobsTable = find(robot, bob, "#table-subscriptions", TableView.class);
        await().atMost(WAIT).until(() -> bob.vm.list(EntityKind.SUBSCRIPTION).items().get(0).version() == v + 1);
        assertThat(((dev.concord.ui.records.RecordRow) bobsTable.getSelectionModel().getSelectedItem()).id())
                .as("the row updated in place and stayed selected").isEqualTo(seen.id());
        assertThat(bob.vm.getEditor().getBase().version()).as("nothing moved before Rebase now").isEqualTo(v);

        robot.interact(bob.stage::toFront);
        robot.clickOn(find(robot, bob, "#live-rebase", Node.class));
        await().atMost(WAIT).until(() -> bob.vm.getEditor().getBase().version() == v + 1);
        var notes = bob.vm.getEditor().field("notes").orElseThrow();
        assertThat(notes.inputProperty().get()).isEqualTo("Bob: customer called back.");
        assertThat(notes.isDirty()).isTrue();
        assertThat(bob.vm.getEditor().field("status").orElseThrow().inputProperty().get())
                .isEqualTo(status.toLowerCase());
        // The message follows the rebase on the FX thread: wait for it rather than read it at once.
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, bob, "#live-message")).isEqualTo("Rebased onto v"
                + (v + 1) + " with Alice's changes to status; your changes to notes are kept"));

        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, bob, "#notice")).isEqualTo("Saved (v" + (v + 2) + ")"));
        SaveOutcome.Saved saved = (SaveOutcome.Saved) bob.outcomes.get(bob.outcomes.size() - 1);
        assertThat(saved.attempts()).isEqualTo(1);
        assertThat(saved.mergedFromOthers()).isEmpty();
        Entity onServer = alice.api.get(EntityKind.SUBSCRIPTION, seen.id());
        assertThat(onServer.values().get("notes")).isEqualTo("Bob: customer called back.");
        assertThat(onServer.values().get("status")).isEqualTo(status.toLowerCase());
        assertThat(bannerShown(robot, bob)).as("the save moved past the banner").isFalse();
    }

    @Test
    void anOverlappingChangeIsFlaggedBeforeSaveAndARebaseIntoAConflictKeepsTheEdits(FxRobot robot) {
        Entity seen = openRow(robot, alice, 1);
        openRow(robot, bob, 1);
        long v = seen.version();
        String bobsStatus = "cancelled".equals(seen.values().get("status")) ? "Expired" : "Cancelled";
        chooseStatus(robot, bob, bobsStatus);
        UiKeys.replaceText(robot, bob.root(), "#field-notes", "Bob: wants to cancel.");

        robot.interact(alice.stage::toFront);
        UiKeys.replaceText(robot, alice.root(), "#field-notes", "Alice: offered a discount.");
        chooseStatus(robot, alice, otherStatus(seen));
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, alice, "#notice")).startsWith("Saved"));

        await().atMost(WAIT).until(() -> bannerShown(robot, bob));
        assertThat(text(robot, bob, "#live-message")).isEqualTo("Alice changed status and notes just now");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, bob, "#live-overlap")).isEqualTo(
                "You also changed status and notes; Alice's change to status and notes conflicts with yours: Save will ask which to keep."));
        robot.interact(bob.stage::toFront);
        robot.clickOn(find(robot, bob, "#live-show-changes", Node.class));
        assertThat(text(robot, bob, "#live-changes")).contains("Status: " + dev.concord.i18n.ValueWords.of((String) seen.values().get("status"))
                + " \u2192 " + dev.concord.i18n.ValueWords.of(otherStatus(seen).toLowerCase()) + " (Alice)");
        robot.interact(() -> Screenshots.write(bob.stage.getScene(), "live-banner"));

        robot.clickOn(find(robot, bob, "#live-rebase", Node.class));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, bob, "#live-overlap")).startsWith("Cannot rebase"));
        assertThat(bob.vm.getEditor().getBase().version()).isEqualTo(v);
        assertThat(bob.vm.getEditor().field("notes").orElseThrow().inputProperty().get()).isEqualTo("Bob: wants to cancel.");
        assertThat(bob.vm.getEditor().field("status").orElseThrow().inputProperty().get())
                .isEqualTo(bobsStatus.toLowerCase());
    }

    @Test
    void aTokenTheServerRefusesSaysLiveUpdatesAreUnavailable(FxRobot robot) {
        AgentWindow stranger = console.open("not-a-token");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, stranger, "#status-live"))
                .isEqualTo("Live updates unavailable (the server refused them; the log says why)"));
    }
}
