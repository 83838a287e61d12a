package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.testing.AgentWindow;
import dev.concord.ui.testing.UiKeys;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import dev.concord.ui.conflict.ConflictDialog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reference two-window scenario on one in-process server: Bob starts editing status, Alice saves notes,
 * Bob's window (still at the old version under his unsaved edit) saves status; both changes survive, no
 * dialog opens, Bob is told what was merged.
 */
class TwoAgentsScenarioTest {
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

    private Entity openFirstRow(FxRobot robot, AgentWindow agent) {
        robot.interact(agent.stage::toFront);
        TableView<?> table = robot.from(agent.root()).lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> !table.getItems().isEmpty());
        UiKeys.clickRow(robot, agent.root(), "#table-subscriptions", 0);
        return agent.vm.getEditor().getBase();
    }

    private Label notice(FxRobot robot, AgentWindow agent) {
        return robot.from(agent.root()).lookup("#notice").queryAs(Label.class);
    }

    @Test
    void notesByOneAgentAndStatusByAnotherBothSurviveWithoutADialog(FxRobot robot) {
        Entity aliceSees = openFirstRow(robot, alice);
        Entity bobSees = openFirstRow(robot, bob);
        assertThat(bobSees.id()).isEqualTo(aliceSees.id());
        long v = aliceSees.version();
        // Bob edits first: with live updates an unedited editor would simply move to Alice's version.
        String newStatus = "paused".equals(bobSees.values().get("status")) ? "Active" : "Paused";
        chooseStatus(robot, bob, newStatus);

        robot.interact(alice.stage::toFront);
        UiKeys.replaceText(robot, alice.root(), "#field-notes", "Alice: refund sent.");
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(notice(robot, alice).getText()).isEqualTo("Saved (v" + (v + 1) + ")"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(robot.from(bob.root()).lookup("#live-message")
                .queryAs(Label.class).getText()).isEqualTo("Alice changed notes just now"));

        robot.interact(bob.stage::toFront);
        assertThat(bob.vm.getEditor().field("status").orElseThrow().isDirty()).isTrue();
        assertThat(bob.vm.getEditor().getBase().version()).as("Bob's base stays under his edit").isEqualTo(v);
        UiKeys.ctrl(robot, KeyCode.S);

        await().atMost(WAIT).untilAsserted(() -> assertThat(notice(robot, bob).getText()).startsWith("Saved"));
        assertThat(notice(robot, bob).getText())
                .isEqualTo("Saved, merged with Alice's change to notes (v" + (v + 2) + ")");
        Entity onServer = alice.api.get(EntityKind.SUBSCRIPTION, aliceSees.id());
        assertThat(onServer.version()).isEqualTo(v + 2);
        assertThat(onServer.values().get("notes")).isEqualTo("Alice: refund sent.");
        assertThat(onServer.values().get("status")).isEqualTo(newStatus.toLowerCase());
        assertThat(Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && "conflictDialog".equals(w.getScene().getRoot().getId())))
                .as("no conflict dialog").isEmpty();
        assertThat(robot.lookup("#conflictDialog").tryQuery()).isEmpty();
        assertThat(bob.store.conflicts()).isEmpty();
        assertThat(bob.vm.getEditor().getBase().version()).as("Bob's editor moved to the saved record").isEqualTo(v + 2);
    }

    @Test
    void bothChangingStatusOpensTheConflictDialogAndCountsTheConflict(FxRobot robot) {
        Entity aliceSees = openFirstRow(robot, alice);
        openFirstRow(robot, bob);
        String current = (String) aliceSees.values().get("status");
        String alicesChoice = "paused".equals(current) ? "Active" : "Paused";
        String bobsChoice = "cancelled".equals(current) ? "Expired" : "Cancelled";
        chooseStatus(robot, bob, bobsChoice);

        robot.interact(alice.stage::toFront);
        chooseStatus(robot, alice, alicesChoice);
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notice(robot, alice).getText()).startsWith("Saved (v"));

        robot.interact(bob.stage::toFront);
        UiKeys.ctrl(robot, KeyCode.S);

        await().atMost(WAIT).untilAsserted(() -> assertThat(robot.lookup("#conflictDialog").tryQuery()).isPresent());
        assertThat(notice(robot, bob).getText()).isEqualTo("Alice also changed status: choose what to keep");
        Hyperlink count = robot.from(bob.root()).lookup("#status-conflicts").queryAs(Hyperlink.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(count.getText()).isEqualTo("1 unresolved conflict"));
        assertThat(bob.store.conflicts()).hasSize(1);
        ConflictDialog dialog = robot.lookup("#conflictDialog").queryAs(ConflictDialog.class);
        assertThat(dialog.getScene()).as("over Bob's window").isSameAs(bob.stage.getScene());
        robot.interact(dialog::close);
    }

    @Test
    void aRefreshUnderUnsavedEditsShowsWhoChangedWhatAndRebaseKeepsTheEdits(FxRobot robot) {
        Entity aliceSees = openFirstRow(robot, alice);
        openFirstRow(robot, bob);
        long v = aliceSees.version();
        robot.interact(bob.stage::toFront);
        UiKeys.replaceText(robot, bob.root(), "#field-notes", "Bob: called back.");

        robot.interact(alice.stage::toFront);
        String newStatus = "paused".equals(aliceSees.values().get("status")) ? "Active" : "Paused";
        chooseStatus(robot, alice, newStatus);
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notice(robot, alice).getText()).startsWith("Saved (v"));

        robot.interact(bob.stage::toFront);
        robot.clickOn(robot.from(bob.root()).lookup("#field-notes").queryAs(Node.class));
        robot.type(KeyCode.F5);
        Label banner = robot.from(bob.root()).lookup("#live-message").queryAs(Label.class);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(banner.getText()).isEqualTo("Alice changed status just now"));
        robot.clickOn(robot.from(bob.root()).lookup("#live-rebase").queryAs(Node.class));
        // Rebase now fetches the record first; saving before it lands would be a merged save, not this one.
        await().atMost(WAIT).until(() -> bob.vm.getEditor().getBase().version() == v + 1);
        assertThat(bob.vm.getEditor().field("notes").orElseThrow().inputProperty().get()).isEqualTo("Bob: called back.");
        UiKeys.ctrl(robot, KeyCode.S);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(notice(robot, bob).getText()).isEqualTo("Saved (v" + (v + 2) + ")"));
        Entity onServer = bob.api.get(EntityKind.SUBSCRIPTION, aliceSees.id());
        assertThat(onServer.values().get("notes")).isEqualTo("Bob: called back.");
        assertThat(onServer.values().get("status")).isEqualTo(newStatus.toLowerCase());
    }

    private void chooseStatus(FxRobot robot, AgentWindow agent, String label) {
        robot.clickOn(robot.from(agent.root()).lookup("#field-status").queryAs(Node.class));
        robot.clickOn(robot.lookup(".context-menu .menu-item .label").match(LabeledMatchers.hasText(label))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(agent.vm.getEditor().field("status").orElseThrow().isDirty()).isTrue();
    }

    @Test
    void aNegativeAmountIsRefusedAtTheFieldAndTheServerRecordStaysAsItWas(FxRobot robot) {
        Entity before = openFirstRow(robot, alice);

        UiKeys.replaceText(robot, alice.root(), "#field-amount", "-1.00");
        UiKeys.ctrl(robot, KeyCode.S);

        assertThat(robot.from(alice.root()).lookup("#error-amount").queryAs(Label.class).getText())
                .isEqualTo("Amount must not be negative");
        assertThat(notice(robot, alice).getText()).isEqualTo("Fix the marked fields before saving");
        Entity after = alice.api.get(EntityKind.SUBSCRIPTION, before.id());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.values()).isEqualTo(before.values());
    }
}
