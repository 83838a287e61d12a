package dev.concord.ui.conflict;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.common.Theme;
import dev.concord.ui.inbox.ConflictInboxView;
import dev.concord.ui.inbox.ConflictInboxViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The same-field collision, end to end on one in-process server: alice and bob edit one subscription, bob's
 * save becomes a stored conflict, and bob resolves it in the dialog opened from his inbox.
 */
class ConflictJourneyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();

    /** The dialog fills its rows once its notes merge, built off the FX thread, arrives. */
    private static void awaitRowsFilled(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#base-status").tryQuery().isPresent();
        });
    }

    @Test
    void takingTheirsForStatusAndMineForNotesSavesExactlyThat(FxRobot robot) {
        Collision c = collide("sub_0007");
        showInbox(c.bob.store(), c.bob.coordinator());
        assertThat(robot.lookup("#conflictList").queryAs(ListView.class).getItems()).hasSize(1);

        robot.clickOn("#open-" + c.conflictId);
        awaitRowsFilled(robot);
        assertThat(text(robot, "#base-status")).isEqualTo(dev.concord.i18n.ValueWords.of((String) c.base.values().get("status")));
        assertThat(text(robot, "#mine-status")).isEqualTo("Cancelled");
        assertThat(text(robot, "#theirs-status")).isEqualTo("Paused");
        assertThat(text(robot, "#theirsCaption")).startsWith("Alice, ").endsWith("(v" + (c.base.version() + 1) + ")");

        robot.clickOn("#take-theirs-status");
        robot.clickOn("#take-mine-notes");
        robot.clickOn("#saveResolution");

        await().atMost(PATIENCE).until(() -> c.alice.api().get(EntityKind.SUBSCRIPTION, "sub_0007").version()
                == c.base.version() + 2);
        Entity stored = c.alice.api().get(EntityKind.SUBSCRIPTION, "sub_0007");
        assertThat(stored.values().get("status")).isEqualTo("paused");
        assertThat(stored.values().get("notes")).isEqualTo(c.bobNotes);
        assertThat(stored.values().with("notes", c.base.values().get("notes")))
                .as("no other field touched").isEqualTo(c.base.values().with("status", "paused"));
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(PATIENCE).until(() -> robot.lookup("#conflictDialog").tryQuery().isEmpty());
        assertThat(c.bob.store().conflicts()).isEmpty();
        assertThat(text(robot, "#inboxNotice")).startsWith("Saved resolution of Subscription sub_0007");
    }

    @Test
    void unresolvedConflictIsStillInTheInboxAfterARestart(FxRobot robot) {
        Collision c = collide("sub_0008");
        Path file = c.bob.store().file();

        ConflictStore reloaded = new ConflictStore(file);
        showInbox(reloaded, new RetryCoordinator(c.bob.api(), reloaded));

        assertThat(robot.lookup("#conflictList").queryAs(ListView.class).getItems()).hasSize(1);
        robot.clickOn(robot.lookup("#conflictList .list-cell").nth(0).queryAs(javafx.scene.Node.class))
                .type(javafx.scene.input.KeyCode.ENTER);
        awaitRowsFilled(robot);
        assertThat(text(robot, "#mine-status")).isEqualTo("Cancelled");
        assertThat(text(robot, "#theirs-status")).isEqualTo("Paused");
    }

    @Test
    void pendingEditIsSentAgainWithRetry(FxRobot robot) {
        SyncServices bob = SyncServices.forUser(console.serverUrl(), "demo-bob", console.home());
        Entity base = bob.api().get(EntityKind.SUBSCRIPTION, "sub_0009");
        bob.store().putPending(new PendingEdit("p-1", EntityKind.SUBSCRIPTION, "sub_0009", base,
                FieldValues.of(Map.of("status", "paused")), "key-p-1", Instant.now(), Reason.of(Reason.Code.UNREACHABLE, "connection refused")));
        showInbox(bob.store(), bob.coordinator());

        robot.clickOn("#retry-p-1");

        await().atMost(PATIENCE).until(() -> bob.store().pending().isEmpty());
        assertThat(bob.api().get(EntityKind.SUBSCRIPTION, "sub_0009").values().get("status")).isEqualTo("paused");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pendingList").queryAs(ListView.class).getItems()).isEmpty();
        assertThat(text(robot, "#inboxNotice")).startsWith("Saved Subscription sub_0009");
    }

    private record Collision(SyncServices alice, SyncServices bob, Entity base, String bobNotes, String conflictId) {
    }

    /** Alice pauses the subscription and rewrites the first notes line; bob, from the same version, does the same differently. */
    private Collision collide(String id) {
        SyncServices alice = SyncServices.forUser(console.serverUrl(), "demo-alice", console.home());
        SyncServices bob = SyncServices.forUser(console.serverUrl(), "demo-bob", console.home());
        Entity base = alice.api().get(EntityKind.SUBSCRIPTION, id);
        Entity bobBase = bob.api().get(EntityKind.SUBSCRIPTION, id);
        String notes = (String) base.values().get("notes");
        String rest = notes.contains("\n") ? notes.substring(notes.indexOf('\n')) : "";
        String aliceNotes = "Alice: customer asked for a pause until January." + rest;
        String bobNotes = "Bob: customer wants to cancel at the end of the term." + rest;

        SaveOutcome first = alice.coordinator().save(base, FieldValues.of(Map.of("status", "paused", "notes", aliceNotes)));
        assertThat(first).isInstanceOf(SaveOutcome.Saved.class);
        SaveOutcome second = bob.coordinator().save(bobBase, FieldValues.of(Map.of("status", "cancelled", "notes", bobNotes)));
        assertThat(second).isInstanceOf(SaveOutcome.NeedsResolution.class);
        String conflictId = ((SaveOutcome.NeedsResolution) second).conflict().conflictId();
        return new Collision(alice, bob, base, bobNotes, conflictId);
    }

    /** The inbox in a window of its own (TestFX shares the primary stage with every other test class). */
    private void showInbox(ConflictStore store, RetryCoordinator coordinator) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Theme.LIGHT.apply();
            ConflictInboxViewModel inbox = console.closeAfter(
                    new ConflictInboxViewModel(store, coordinator, console.executor()));
            Stage stage = new Stage();
            stage.setScene(new Scene(new ConflictInboxView(inbox), 900, 600));
            stage.show();
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
