package dev.concord.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.conflict.Conflicts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inbox as a person uses it: entries appear as the store changes, and a double click opens one dialog. */
@ExtendWith(ApplicationExtension.class)
class ConflictInboxViewTest {
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private ConflictStore store;
    private ConflictInboxViewModel vm;
    private Stage stage;
    private ConflictInboxView view;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        store = new ConflictStore(dir.resolve("inbox-" + System.nanoTime() + ".json"));
        // The coordinator is never reached here: nothing is saved.
        vm = new ConflictInboxViewModel(store, new RetryCoordinator(new dev.concord.testing.FakeConcordApi("alice"), store),
                executor);
        stage = new Stage();
        view = new ConflictInboxView(vm);
        stage.setScene(new Scene(view, 800, 500));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dialogs().forEach(ConflictDialog::close);
            stage.hide();
        }).get();
        vm.close();
        executor.close();
    }

    @Test
    void aConflictStoredInTheBackgroundAppearsWithItsRecordFieldsAndTime(FxRobot robot) throws Exception {
        Thread writer = new Thread(() -> store.putConflict(Conflicts.statusAndNotes()));
        writer.start();
        writer.join();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#conflictList").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#inboxTitle").queryAs(Label.class).getText()).isEqualTo("Conflicts to resolve (1)");
        assertThat(robot.lookup("#conflictList .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Subscription sub_1 · Acme GmbH", "Conflicting: Status and Notes");
    }

    @Test
    void doubleClickOpensTheDialogAndOpeningAgainReusesIt(FxRobot robot) throws Exception {
        store.putConflict(Conflicts.statusAndNotes());
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup("#conflictList .list-cell").nth(0).query();

        robot.doubleClickOn(cell);
        // The dialog opens at once, but its rows may wait for the notes merge off the FX thread (when the inbox
        // had not merged them ahead yet): wait for the rows, not only for the FX events queued so far.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dialogs().size() == 1
                && !dialogs().get(0).viewModel().loadingProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs()).hasSize(1);
        assertThat(robot.lookup("#mine-status").queryAs(Label.class).getText()).isEqualTo("Paused");

        ConflictDialog again = WaitForAsyncUtils.asyncFx(() -> view.open(vm.conflicts().get(0))).get();
        assertThat(dialogs()).containsExactly(again);
    }

    /** The dialogs open over the inbox's window (a layer in its scene, not windows of their own). */
    private List<ConflictDialog> dialogs() {
        assertThat(Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null)
                .map(w -> w.getScene().lookup("#conflictDialog"))).as("no dialog in a window of its own").allMatch(java.util.Objects::isNull);
        return stage.getScene().getRoot().lookupAll("#conflictDialog").stream().map(ConflictDialog.class::cast)
                .filter(ConflictDialog::isShowing).toList();
    }
}
