package dev.concord.ui.conflict;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.ui.common.LazyTooltip;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The conflict dialog's title, command bar and footer (message, spinner, Close, Save resolution): every
 * command one call on the view model or on the dialog.
 */
final class DialogBars {
    private static final javafx.css.PseudoClass ALL_DECIDED = javafx.css.PseudoClass.getPseudoClass("all-decided");

    private final ConflictDialogViewModel vm;
    private final Runnable nextConflict;
    private final Runnable close;
    /** Where the focus goes when the dialog opens: its first command. */
    private Button first;
    private javafx.beans.binding.BooleanBinding working;

    DialogBars(ConflictDialogViewModel vm, Runnable nextConflict, Runnable close) {
        this.vm = vm;
        this.nextConflict = nextConflict;
        this.close = close;
    }

    /** The first command of the bar (built by {@link #toolbar}). */
    Button first() {
        return first;
    }

    Node header() {
        Label title = new Label();
        title.setId("dialogTitle");
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label();
        subtitle.setId("dialogSubtitle");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(vm.theirsCaptionProperty().map(c -> lang("conflict.subtitle", c)));
        VBox box = new VBox(4, title, subtitle);
        box.getStyleClass().add("dialog-header");
        return box;
    }

    Node toolbar() {
        Button nonConflicting = button(lang("conflict.takeNonConflicting"), "takeAllNonConflicting",
                vm::acceptAllNonConflicting, lang("conflict.takeNonConflicting.tip"));
        first = nonConflicting;
        Button allMine = button(lang("conflict.allMine"), "takeAllMine", vm::takeAllMine,
                lang("conflict.allMine.tip"));
        Button allTheirs = button(lang("conflict.allTheirs"), "takeAllTheirs", vm::takeAllTheirs,
                lang("conflict.allTheirs.tip"));
        Button next = button(lang("conflict.next"), "nextConflict", nextConflict,
                lang("conflict.next.tip"));
        next.setMnemonicParsing(false);
        ToggleButton showAll = new ToggleButton(lang("conflict.showAll"));
        showAll.setId("showAllFields");
        showAll.selectedProperty().bindBidirectional(vm.showAllFieldsProperty());
        Label left = new Label();
        left.setId("undecidedCount");
        left.textProperty().bind(Bindings.createStringBinding(() -> vm.undecidedCountBinding().get() == 0
                ? lang("conflict.allDecided") : lang("conflict.toDecide", vm.undecidedCountBinding().get()),
                vm.undecidedCountBinding()));
        left.getStyleClass().add("undecided-count");
        // "All decided" is good news: not in the warning red of "2 to decide".
        left.pseudoClassStateChanged(ALL_DECIDED, vm.undecidedCountBinding().get() == 0);
        vm.undecidedCountBinding().addListener((o, was, now) -> left.pseudoClassStateChanged(ALL_DECIDED,
                now.intValue() == 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(nonConflicting, allMine, allTheirs, new Separator(Orientation.VERTICAL), next,
                new Separator(Orientation.VERTICAL), showAll, spacer, left);
        bar.getStyleClass().add("dialog-toolbar");
        return bar;
    }

    Node footer() {
        Label message = new Label();
        message.setId("dialogMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        StackPane busy = busyIndicator();
        Button close = button(lang("conflict.close"), "closeDialog", this.close, lang("conflict.close.tip"));
        close.setCancelButton(true);
        Button save = button(lang("conflict.saveResolution"), "saveResolution", vm::saveResolution,
                lang("conflict.saveResolution.tip"));
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveBinding().not());
        HBox box = new HBox(10, message, busy, close, save);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(10, 16, 12, 16));
        box.getStyleClass().add("dialog-footer");
        return box;
    }

    /**
     * The spinner shown while the notes merge or the save runs, made the first time either does: a progress
     * indicator's skin is one of the dearer ones to build, and a dialog opened with its notes merged never shows it.
     */
    private StackPane busyIndicator() {
        StackPane slot = new StackPane();
        slot.setPrefSize(20, 20);
        slot.setMinSize(20, 20);
        // Held by the dialog: the properties hold bindings on them only weakly.
        working = vm.busyProperty().or(vm.loadingProperty());
        Runnable fill = () -> {
            if (working.get() && slot.getChildren().isEmpty()) {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(20, 20);
                spinner.visibleProperty().bind(working);
                slot.getChildren().add(spinner);
            }
        };
        working.addListener((o, was, now) -> fill.run());
        fill.run();
        return slot;
    }

    private static Button button(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        LazyTooltip.install(b, tip);
        return b;
    }
}
