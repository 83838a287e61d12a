package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog's wiring, driven by real clicks and keys; resolutions go to a scripted saver. */
@ExtendWith(ApplicationExtension.class)
class ConflictDialogUiTest {
    private final ConflictDialogViewModelTest.ScriptedSaver saver = new ConflictDialogViewModelTest.ScriptedSaver();
    private final Conflict conflict = Conflicts.statusAndNotes();
    private ConflictDialog dialog;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dialog = new ConflictDialog(new ConflictDialogViewModel(conflict, saver, new CurrentThreadTaskExecutor()), null);
        dialog.show();
    }

    @AfterEach
    void closeDialog() throws Exception {
        WaitForAsyncUtils.asyncFx(dialog::close).get();
    }

    @Test
    void f7AndAltNJumpToTheNextUndecidedConflict(FxRobot robot) {
        robot.clickOn("#dialogTitle").type(KeyCode.F7);
        assertThat(robot.lookup("#take-mine-status").query().isFocused()).isTrue();

        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        assertThat(dialog.viewModel().currentProperty().get().field()).isEqualTo("notes");
        assertThat(robot.lookup("#notesDiff-notes").query().isFocused()).isTrue();
    }

    @Test
    void takingAHunkRebuildsTheMergedNotesAndDecidingEverythingEnablesSave(FxRobot robot) {
        Button save = robot.lookup("#saveResolution").queryButton();
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#take-theirs-status");
        robot.clickOn("#hunk-0-mine");

        assertThat(robot.lookup("#notesResult-notes").queryAs(TextArea.class).getText())
                .isEqualTo("Called on Monday.\nWants invoices by email.\nPrefers German.");
        assertThat(text(robot, "#decision-notes")).isEqualTo("Yours");
        assertThat(save.isDisabled()).isFalse();
    }

    @Test
    void typedResultIsRefusedAtItsRowAndBlocksSaving(FxRobot robot) {
        robot.clickOn("#takeAllMine");
        robot.doubleClickOn("#result-customerEmail").eraseText(30).write("billing");

        assertThat(text(robot, "#error-customerEmail")).contains("email address");
        assertThat(text(robot, "#decision-customerEmail")).isEqualTo("Edited");
        assertThat(robot.lookup("#saveResolution").queryButton().isDisabled()).isTrue();
        robot.write("@acme.example");
        assertThat(text(robot, "#error-customerEmail")).isEmpty();
        assertThat(robot.lookup("#saveResolution").queryButton().isDisabled()).isFalse();
    }

    @Test
    void enumValuesShowTheirNamesAndTheResultIsPickedFromThem(FxRobot robot) {
        assertThat(text(robot, "#mine-status")).isEqualTo("Paused");
        assertThat(text(robot, "#theirs-status")).isEqualTo("Cancelled");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> result = robot.lookup("#result-status")
                .queryAs(javafx.scene.control.ChoiceBox.class);

        robot.clickOn("#take-mine-status");

        assertThat(result.getValue()).isEqualTo("paused");
        assertThat(result.getConverter().toString(result.getValue())).isEqualTo("Paused");
        robot.interact(() -> result.setValue("past_due"));
        assertThat(text(robot, "#decision-status")).isEqualTo("Edited");
        assertThat(dialog.viewModel().rowFor("status").resultTextProperty().get()).isEqualTo("past_due");
    }

    @Test
    void keyboardAloneDecidesEveryConflictAndSavesWithCtrlEnter(FxRobot robot) {
        saver.then(new SaveOutcome.Saved(Conflicts.entity(conflict.mergedSoFar(), 6, "bob", Conflicts.T0), List.of(), 1));
        robot.clickOn("#dialogTitle");

        robot.type(KeyCode.F7);
        robot.type(KeyCode.SPACE);
        assertThat(text(robot, "#decision-status")).isEqualTo("Yours");
        robot.type(KeyCode.TAB).type(KeyCode.SPACE);
        assertThat(text(robot, "#decision-status")).isEqualTo("Theirs");
        // The notes row has its own Yours / Theirs: Tab along the row to it, Space takes theirs.
        robot.type(KeyCode.F7);
        assertThat(robot.lookup("#notesDiff-notes").query().isFocused()).isTrue();
        robot.interact(() -> robot.lookup("#take-theirs-notes").query().requestFocus());
        robot.type(KeyCode.SPACE);
        assertThat(text(robot, "#decision-notes")).isEqualTo("Theirs");

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        assertThat(dialog.isShowing()).isFalse();
        assertThat(saver.calls.get(0).getValue().get("status")).isEqualTo("cancelled");
    }

    @Test
    void showAllFieldsRevealsUnchangedFields(FxRobot robot) {
        assertThat(robot.lookup("#result-amount").tryQuery()).isEmpty();

        robot.clickOn("#showAllFields");

        assertThat(robot.lookup("#result-amount").queryAs(TextField.class).getText()).isEqualTo("49.00");
    }

    @Test
    void recordMovedAgainRefreshesTheDialogInsteadOfFailing(FxRobot robot) {
        FieldValues base = conflict.base().values();
        saver.then(new SaveOutcome.NeedsResolution(Conflicts.conflict(base, base.withAll(conflict.mine().asMap()),
                conflict.theirs().values().with("status", "expired"), 9, List.of("status", "notes"))));
        robot.clickOn("#takeAllMine");
        robot.clickOn("#take-theirs-status");

        robot.clickOn("#saveResolution");

        assertThat(dialog.isShowing()).isTrue();
        assertThat(text(robot, "#theirs-status")).isEqualTo("Expired");
        assertThat(text(robot, "#decision-status")).isEqualTo("Conflict: decide");
        assertThat(text(robot, "#decision-notes")).isEqualTo("Yours");
        assertThat(text(robot, "#dialogMessage")).contains("Bob changed this record again (v9)");
        assertThat(text(robot, "#theirsCaption")).endsWith("(v9)");
    }

    @Test
    void savedResolutionClosesTheDialogAndReportsTheNotice(FxRobot robot) {
        StringBuilder notice = new StringBuilder();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> dialog.setOnSaved(s ->
                notice.append(ConflictDialog.noticeFor(conflict, s))));
        saver.then(new SaveOutcome.Saved(Conflicts.entity(conflict.mergedSoFar(), 6, "bob", Conflicts.T0), List.of(), 1));

        robot.clickOn("#takeAllTheirs").clickOn("#saveResolution");

        assertThat(dialog.isShowing()).isFalse();
        assertThat(notice.toString()).isEqualTo("Saved resolution of subscription sub_1 (v6)");
        assertThat(saver.calls.get(0).getValue().get("status")).isEqualTo("cancelled");
    }

    @Test
    void tenThousandLineNotesOpenAsAVirtualizedDiffAndBecomeEditableOnRequest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dialog.close();
            dialog = new ConflictDialog(new ConflictDialogViewModel(NotesMergeBenchmark.bigNotesConflict(), saver,
                    new CurrentThreadTaskExecutor()), null);
            dialog.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#notesDiff-notes").queryAs(javafx.scene.control.ListView.class).getItems())
                .hasSizeGreaterThan(10_000);
        assertThat(robot.lookup("#notesPreview-notes").queryAs(javafx.scene.control.ListView.class).getItems())
                .hasSize(10_000);
        assertThat(robot.lookup("#notesResult-notes").tryQuery()).isEmpty();

        robot.clickOn("#notesEdit-notes");

        assertThat(robot.lookup("#notesResult-notes").queryAs(TextArea.class).getText())
                .isEqualTo(dialog.viewModel().rowFor("notes").resultTextProperty().get());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
