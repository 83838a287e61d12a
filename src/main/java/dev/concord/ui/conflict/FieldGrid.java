package dev.concord.ui.conflict;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.domain.FieldType;
import dev.concord.ui.common.LazyTooltip;
import dev.concord.ui.common.A11y;
import dev.concord.ui.common.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The field table of the conflict dialog: Field, Original, Yours, Theirs, Result and the per-row choice.
 * Rebuilt when the visible rows change (at most a dozen fields, so rebuilding is cheaper than recycling).
 */
final class FieldGrid extends GridPane {
    private static final int PREVIEW_CHARS = 60;

    private final ConflictDialogViewModel vm;
    private final List<Runnable> unbinders = new ArrayList<>();
    private final Map<String, Node> focusTargets = new HashMap<>();
    private final Label theirsHeader = new Label();
    private final javafx.beans.value.ChangeListener<Number> onTextSize;

    FieldGrid(ConflictDialogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("field-grid");
        setId("fieldGrid");
        // Minimums that fit an 800 px window at 100% text; below them the table scrolls sideways.
        ColumnConstraints field = new ColumnConstraints(100, 130, 160);
        // The field names' column grows with the text size (at 200% a fixed 160 px broke "Customer name" in two);
        // its minimum stays, so narrow windows keep their layout and scroll.
        dev.concord.ui.common.Appearance appearance = dev.concord.ui.common.Appearance.shared();
        Runnable scaleFieldColumn = () -> {
            double scale = appearance.getTextSize() / (double) dev.concord.ui.common.Appearance.DEFAULT_TEXT_SIZE;
            field.setPrefWidth(130 * Math.max(1, scale));
            field.setMaxWidth(160 * Math.max(1, scale));
        };
        scaleFieldColumn.run();
        onTextSize = (obs, was, now) -> scaleFieldColumn.run();
        // Weak: the process-wide appearance must not keep a closed dialog alive.
        appearance.textSizeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onTextSize));
        ColumnConstraints value = new ColumnConstraints(90, 180, Double.MAX_VALUE);
        value.setHgrow(Priority.ALWAYS);
        ColumnConstraints result = new ColumnConstraints(140, 240, Double.MAX_VALUE);
        result.setHgrow(Priority.ALWAYS);
        // As wide as the two choices are in the agent's language and text size.
        ColumnConstraints choice = new ColumnConstraints();
        choice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getColumnConstraints().addAll(field, value, value, value, result, choice);
        theirsHeader.textProperty().bind(vm.theirsCaptionProperty());
        theirsHeader.setId("theirsCaption");
        theirsHeader.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        vm.visibleRows().addListener((ListChangeListener<FieldRow>) c -> rebuild());
        // A refresh (the record moved again) brings new theirs values and maybe new conflicts.
        vm.conflictProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The control to focus when "Next conflict" lands on this field. */
    Node focusTarget(String field) {
        return focusTargets.get(field);
    }

    private void rebuild() {
        unbinders.forEach(Runnable::run);
        unbinders.clear();
        focusTargets.clear();
        getChildren().clear();
        VBox theirs = new VBox(header(lang("conflict.theirs")), theirsHeader);
        addRow(0, header(lang("conflict.header.field")), header(lang("conflict.header.original")),
                header(lang("conflict.yours")), theirs, header(lang("conflict.header.result")), header(""));
        int r = 1;
        for (FieldRow row : vm.visibleRows()) {
            addFieldRow(r++, row);
        }
    }

    private void addFieldRow(int r, FieldRow row) {
        String f = row.field();
        Label name = new Label(DomainWords.field(row.spec()));
        name.getStyleClass().add("field-name");
        // The column stays narrow for an 800 px window: a long label ("Nombre del cliente") takes two lines.
        name.setWrapText(true);
        Label pill = new Label();
        pill.getStyleClass().add("decision-pill");
        pill.setId("decision-" + f);
        VBox nameCell = new VBox(2, name, pill);

        boolean wrap = row.spec().type() != FieldType.LONG_TEXT;
        Label base = value(shown(row, row.baseTextProperty().get()), "base-" + f, "base-value", wrap);
        Label mine = value(shown(row, row.mineTextProperty().get()), "mine-" + f, "mine-value", wrap);
        Label theirs = value(shown(row, row.theirsTextProperty().get()), "theirs-" + f, "theirs-value", wrap);
        if (!java.util.Objects.equals(row.baseTextProperty().get(), row.mineTextProperty().get())) {
            mine.getStyleClass().add("side-changed");
        }
        if (!java.util.Objects.equals(row.baseTextProperty().get(), row.theirsTextProperty().get())) {
            theirs.getStyleClass().add("side-changed");
        }
        if (row.changedAgainProperty().get()) {
            theirs.getStyleClass().add("changed-again");
            LazyTooltip.install(theirs, lang("conflict.changedAgain.tip"));
        }

        Label error = new Label();
        error.setId("error-" + f);
        error.getStyleClass().addAll("row-error", Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(row.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Node resultControl = resultControl(row);
        A11y.name(resultControl, lang("a11y.result", name.getText()));
        resultControl.setAccessibleHelp(lang("a11y.resultHelp"));
        VBox resultCell = new VBox(4, resultControl, error);

        ToggleButton yours = choice(lang("conflict.yours"), "take-mine-" + f, Styles.LEFT_PILL);
        ToggleButton theirsButton = choice(lang("conflict.theirs"), "take-theirs-" + f, Styles.RIGHT_PILL);
        LazyTooltip.install(yours, lang("conflict.useYours.tip", DomainWords.field(row.spec())));
        LazyTooltip.install(theirsButton, lang("conflict.useTheirs.tip", DomainWords.field(row.spec())));
        // Every row has a "Yours" and a "Theirs": a screen reader hears which field and which value.
        A11y.describe(yours, lang("a11y.takeYours", name.getText(), spoken(mine.getText())), lang("a11y.takeHelp"));
        A11y.describe(theirsButton, lang("a11y.takeTheirs", name.getText(), spoken(theirs.getText())),
                lang("a11y.takeHelp"));
        HBox choiceCell = new HBox(yours, theirsButton);
        choiceCell.setAlignment(Pos.TOP_LEFT);
        Node[] cells = {nameCell, base, mine, theirs, resultCell, choiceCell};
        Runnable sync = () -> {
            Decision d = row.getDecision();
            yours.setSelected(d == Decision.MINE);
            theirsButton.setSelected(d == Decision.THEIRS);
            pill.setText(row.isConflicting() && d == Decision.UNDECIDED ? lang("conflict.decide") : d.label());
            pill.getStyleClass().removeAll("undecided", "decided", "merged");
            pill.getStyleClass().add(d == Decision.UNDECIDED ? "undecided" : d == Decision.MERGED ? "merged" : "decided");
            for (Node cell : cells) {
                cell.pseudoClassStateChanged(UNDECIDED, d == Decision.UNDECIDED);
            }
        };
        yours.setOnAction(e -> {
            vm.takeMine(f);
            sync.run();
        });
        theirsButton.setOnAction(e -> {
            vm.takeTheirs(f);
            sync.run();
        });
        ChangeListener<Decision> onDecision = (o, a, b) -> sync.run();
        row.decisionProperty().addListener(onDecision);
        unbinders.add(() -> row.decisionProperty().removeListener(onDecision));
        // F7 lands on "Yours": Space takes it, Tab then Space takes theirs, Shift+Tab goes to the result to type.
        focusTargets.put(f, yours);

        for (Node cell : cells) {
            cell.getStyleClass().add("grid-cell");
            if (row.isConflicting()) {
                cell.getStyleClass().add("conflict-row");
            }
            ChangeListener<FieldRow> onCurrent = (o, a, b) -> cell.pseudoClassStateChanged(CURRENT, b == row);
            vm.currentProperty().addListener(onCurrent);
            unbinders.add(() -> vm.currentProperty().removeListener(onCurrent));
        }
        sync.run();
        addRow(r, cells);
    }

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass UNDECIDED = PseudoClass.getPseudoClass("undecided");

    private Node resultControl(FieldRow row) {
        if (row.spec().type() == FieldType.LONG_TEXT) {
            Label summary = new Label();
            summary.setId("result-" + row.field());
            summary.getStyleClass().add("result-summary");
            summary.textProperty().bind(row.resultTextProperty().map(FieldGrid::preview));
            unbinders.add(() -> summary.textProperty().unbind());
            return summary;
        }
        if (row.spec().type() == FieldType.ENUM) {
            return choice(row);
        }
        TextField text = new TextField();
        text.setId("result-" + row.field());
        text.getStyleClass().add("result-field");
        if (!row.spec().allowedValues().isEmpty()) {
            text.setPromptText(String.join(" | ", row.spec().allowedValues()));
            LazyTooltip.install(text, lang("conflict.oneOf.tip", String.join(", ", row.spec().allowedValues())));
        }
        text.textProperty().bindBidirectional(row.resultTextProperty());
        unbinders.add(() -> text.textProperty().unbindBidirectional(row.resultTextProperty()));
        return text;
    }

    /** An enum's result is picked from its values by their names, never typed as a wire value. */
    private ChoiceBox<String> choice(FieldRow row) {
        ChoiceBox<String> box = new ChoiceBox<>(FXCollections.observableArrayList(row.spec().allowedValues()));
        box.setId("result-" + row.field());
        box.getStyleClass().add("result-field");
        box.setConverter(Labels.wireNames());
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(row.resultTextProperty());
        unbinders.add(() -> box.valueProperty().unbindBidirectional(row.resultTextProperty()));
        return box;
    }

    /** A value as the row shows it: enum values by their display names ("Past due", not past_due). */
    private static String shown(FieldRow row, String text) {
        return row.spec().type() == FieldType.ENUM ? Labels.ofWire(text) : text;
    }

    /** A long value as a screen reader should hear it in a button's name: its first line. */
    private static String spoken(String text) {
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
    }

    private static ToggleButton choice(String text, String id, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().addAll(pill, Styles.SMALL);
        return b;
    }

    private static Label value(String text, String id, String style, boolean wrap) {
        Label l = new Label(text.isEmpty() ? lang("conflict.empty") : preview(text));
        l.setId(id);
        l.getStyleClass().addAll("value", style);
        if (text.isEmpty()) {
            l.getStyleClass().add(Styles.TEXT_MUTED);
        }
        l.setWrapText(wrap);
        l.setMaxWidth(Double.MAX_VALUE);
        if (text.length() > PREVIEW_CHARS || text.indexOf('\n') >= 0) {
            LazyTooltip.install(l, text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        }
        return l;
    }

    /** The first lines of a long value, enough to recognise it; the notes pane shows the whole text. */
    static String preview(String text) {
        // Not a stream over the characters: on 10k-line notes that ran four times per opening on the FX thread.
        int lines = TextLines.count(text);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        first = first.length() > PREVIEW_CHARS ? first.substring(0, PREVIEW_CHARS) + "…" : first;
        return lines > 1 ? lang("conflict.linesPreview", lines, first) : first;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        return l;
    }

}
