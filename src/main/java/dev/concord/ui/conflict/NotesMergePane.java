package dev.concord.ui.conflict;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.ui.common.A11y;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The long-text merge of one field: yours and theirs side by side with changed words highlighted, a take
 * button per hunk, and the merged text, which the person may also edit by hand. The diff is a ListView,
 * so only the visible lines exist as nodes however long the notes are.
 */
final class NotesMergePane extends VBox {
    /** Every diff row has one height, which lets the ListView skip measuring 10k cells. */
    static final double ROW_HEIGHT = 26;
    /** Above this many lines the merged text starts as a virtualized preview (see {@link #preview}). */
    static final int TEXT_AREA_LINES = 2_000;

    private final FieldRow row;
    private final ListView<DiffLine> diff = new ListView<>();
    private final TextArea result = dev.concord.ui.common.TabLeaves.of(new TextArea());
    private final Label status = new Label();
    private final ListChangeListener<HunkChoice> onChoice = c -> choicesChanged();
    private ChangeListener<String> previewUpdater;

    NotesMergePane(ConflictDialogViewModel vm, FieldRow row) {
        this.row = row;
        getStyleClass().add("notes-merge");
        setId("notesMerge-" + row.field());
        Label title = new Label(lang("notes.title", dev.concord.i18n.DomainWords.field(row.spec())));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        status.setId("notesStatus-" + row.field());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, status);
        head.getStyleClass().add("notes-head");

        diff.setId("notesDiff-" + row.field());
        diff.getStyleClass().addAll("notes-diff", Styles.DENSE);
        diff.setFixedCellSize(ROW_HEIGHT);
        A11y.describe(diff, lang("a11y.notesDiff", dev.concord.i18n.DomainWords.field(row.spec())), lang("a11y.notesDiffHelp"));

        result.setId("notesResult-" + row.field());
        result.getStyleClass().add("notes-result");
        result.setPromptText(lang("notes.result.prompt"));
        Label resultLabel = new Label(lang("notes.result.editable"));
        resultLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        resultLabel.setLabelFor(result);
        VBox resultBox = new VBox(4, resultLabel);
        if (TextLines.count(row.resultTextProperty().get()) <= TEXT_AREA_LINES) {
            editByHand(resultBox);
        } else {
            preview(resultBox, resultLabel);
        }

        SplitPane split = new SplitPane(diff, resultBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(head, split);

        ChangeListener<TextMergeModel> onModel = (o, old, model) -> show(vm, old, model);
        row.textMergeProperty().addListener(onModel);
        show(vm, null, row.getTextMerge());
    }

    /** Binds the text area: from here on every change of the result shows in it, and typing edits the result. */
    private void editByHand(VBox resultBox) {
        result.textProperty().bindBidirectional(row.resultTextProperty());
        resultBox.getChildren().setAll(resultBox.getChildren().get(0), result);
        VBox.setVgrow(result, Priority.ALWAYS);
    }

    /**
     * A TextArea lays out its whole text at once, which takes seconds for 10k lines; until the person asks to
     * type, the result is shown in a ListView that only renders the visible lines.
     */
    private void preview(VBox resultBox, Label resultLabel) {
        // Wrapped, not copied: the list cuts out only the lines the view shows.
        ListView<String> list = new ListView<>(FXCollections.observableList(new TextLines(row.resultTextProperty().get())));
        list.setId("notesPreview-" + row.field());
        list.getStyleClass().addAll("notes-preview", Styles.DENSE);
        list.setFixedCellSize(ROW_HEIGHT - 4);
        previewUpdater = (o, a, text) -> list.setItems(FXCollections.observableList(new TextLines(text)));
        row.resultTextProperty().addListener(previewUpdater);
        Button edit = new Button(lang("notes.editByHand"));
        edit.setId("notesEdit-" + row.field());
        edit.getStyleClass().add(Styles.SMALL);
        edit.setOnAction(e -> {
            row.resultTextProperty().removeListener(previewUpdater);
            resultLabel.setText(lang("notes.result.editable"));
            editByHand(resultBox);
            result.requestFocus();
        });
        resultLabel.setText(lang("notes.result.lines", list.getItems().size()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, resultLabel, spacer, edit);
        resultBox.getChildren().setAll(head, list);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    private void show(ConflictDialogViewModel vm, TextMergeModel old, TextMergeModel model) {
        if (old != null) {
            old.choices().removeListener(onChoice);
        }
        if (model == null) {
            diff.setItems(FXCollections.emptyObservableList());
            return;
        }
        // observableList wraps without copying: opening 10k-line notes costs no second list.
        diff.setItems(FXCollections.observableList(model.lines()));
        diff.setCellFactory(lv -> new DiffLineCell(model, (hunk, choice) -> vm.takeHunk(row.field(), hunk, choice)));
        model.choices().addListener(onChoice);
        choicesChanged();
    }

    private void choicesChanged() {
        TextMergeModel model = row.getTextMerge();
        long open = model.choices().stream().filter(c -> c == HunkChoice.UNDECIDED).count();
        status.setText(lang("notes.status", model.hunkCount(), open));
        diff.refresh();
    }

    /** Scrolls to the first hunk still undecided and gives the diff the focus. */
    void focusFirstUndecided() {
        TextMergeModel model = row.getTextMerge();
        if (model == null) {
            return;
        }
        int hunk = model.choices().indexOf(HunkChoice.UNDECIDED);
        for (int i = 0; i < diff.getItems().size() && hunk >= 0; i++) {
            DiffLine line = diff.getItems().get(i);
            if (line.kind() == DiffLine.Kind.HUNK_HEADER && line.hunk() == hunk) {
                diff.scrollTo(Math.max(0, i - 2));
                diff.getSelectionModel().select(i);
                break;
            }
        }
        diff.requestFocus();
    }
}
