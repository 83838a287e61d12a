package dev.concord.ui.conflict;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.domain.FieldType;
import dev.concord.sync.Conflict;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.LazyTooltip;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.KeyboardScrolling;
import dev.concord.ui.common.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The side-by-side conflict dialog: Original, Yours, Theirs and Result per field, the notes merge below
 * when notes conflict, and Save resolution. It opens as a modal layer over its owner window's content
 * ({@link ModalLayer}), not as a window of its own: a new window restyles a whole new scene, which was most of
 * the 300 ms the dialog took to open on 10k-line notes. Thin: every action is one call on
 * {@link ConflictDialogViewModel}.
 */
public final class ConflictDialog extends BorderPane {
    private static final javafx.css.PseudoClass ALL_DECIDED = javafx.css.PseudoClass.getPseudoClass("all-decided");
    private static final String CSS =
            Objects.requireNonNull(ConflictDialog.class.getResource("conflict.css")).toExternalForm();
    /** The dialog's size at 100% text, grown with the text size, never larger than the window. */
    private static final double WIDTH = 1240;
    private static final double HEIGHT = 780;

    private final ConflictDialogViewModel vm;
    private final Window owner;
    private final FieldGrid grid;
    private final SplitPane center = new SplitPane();
    private final ScrollPane fields;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
    private NotesMergePane notesPane;
    private javafx.beans.binding.BooleanBinding working;
    private Consumer<SaveOutcome.Saved> onSaved = saved -> { };
    private Runnable onHidden = () -> { };
    private ModalLayer layer;
    private Stage ownWindow;
    /** Where the focus goes when the dialog opens: its first command. */
    private Button first;

    /** Opens a dialog for {@code conflict}; {@code notice} receives a short line such as "Saved resolution ... (v9)". */
    public static ConflictDialog open(Window owner, Conflict conflict, RetryCoordinator coordinator,
                                      TaskExecutor executor, Consumer<String> notice) {
        ConflictDialog dialog = new ConflictDialog(new ConflictDialogViewModel(conflict, coordinator, executor), owner);
        dialog.setOnSaved(saved -> notice.accept(noticeFor(conflict, saved)));
        dialog.show();
        return dialog;
    }

    /**
     * A dialog over {@code owner}'s content once {@link #show}n; with no owner (or one whose root cannot hold
     * a layer) it gets a window of its own.
     */
    public ConflictDialog(ConflictDialogViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        title.bind(vm.titleProperty().map(t -> lang("conflict.windowTitle", t)));
        grid = new FieldGrid(vm);

        setId("conflictDialog");
        getStyleClass().add("conflict-dialog");
        // Read out when the dialog opens, as a window's title was.
        accessibleTextProperty().bind(title);
        setTop(new VBox(header(), toolbar()));
        fields = new ScrollPane(grid);
        fields.setId("fieldScroll");
        fields.setFitToWidth(true);
        fields.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        center.setOrientation(Orientation.VERTICAL);
        center.getItems().add(fields);
        setCenter(center);
        setBottom(footer());
        // Usable in an 800x600 window: the field table scrolls (both ways) rather than clipping.
        setMinSize(0, 0);
        KeyboardScrolling.followFocus(fields);

        keys.put(new KeyCodeCombination(KeyCode.F7), this::nextConflict);
        // A key of the dialog rather than a mnemonic: mnemonics do not fire while a text field has the focus.
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.ALT_DOWN), this::nextConflict);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        keys.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::save);
        keys.put(new KeyCodeCombination(KeyCode.ESCAPE), this::close);
        // As accelerators were: after the focused control had its turn (an open choice list takes Escape first).
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        vm.conflictProperty().addListener((o, a, b) -> showNotesPane());
        vm.visibleRows().addListener((javafx.collections.ListChangeListener<FieldRow>) c -> showNotesPane());
        showNotesPane();
        // The rows fill once the notes merge is built off the FX thread: size the field table to them then.
        vm.loadingProperty().addListener((o, was, loading) -> {
            if (!loading) {
                applyCss();
                layout();
                fitFields();
            }
        });
        vm.savedProperty().addListener((o, a, saved) -> {
            if (saved != null) {
                onSaved.accept(saved);
                close();
            }
        });
    }

    /** Shows the dialog over its owner's content, the focus on its first control. FX thread. */
    public void show() {
        if (isShowing()) {
            return;
        }
        double scale = Appearance.shared().getTextSize() / (double) Appearance.DEFAULT_TEXT_SIZE;
        Pane host = owner == null ? null : ModalLayer.hostOf(owner.getScene());
        if (host == null) {
            host = ownWindow(scale);
        }
        if (ownWindow != null) {
            ownWindow.show();
        }
        // Over a window, the backdrop shows round the dialog; in a window of its own the dialog fills it.
        layer = new ModalLayer(host, this, WIDTH * scale, HEIGHT * scale, ownWindow == null ? 16 : 0);
        layer.getStylesheets().add(CSS);
        layer.open(first);
        // The split between fields and notes needs the dialog's size, which it has now (open() laid it out).
        fitFields();
    }

    /** Closes the dialog (nothing is saved); what was behind it gets the focus back. */
    public void close() {
        if (!isShowing()) {
            return;
        }
        layer.close();
        layer = null;
        if (ownWindow != null) {
            ownWindow.hide();
            ownWindow = null;
        }
        onHidden.run();
    }

    public boolean isShowing() {
        return layer != null && layer.isOpen();
    }

    /** "Conflict: subscription sub_1 (Jane Doe)", as a window of the dialog would be titled. */
    public String getTitle() {
        return title.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Called after the dialog closed, saved or not. */
    public void setOnHidden(Runnable onHidden) {
        this.onHidden = Objects.requireNonNull(onHidden);
    }

    /**
     * A window of its own for a dialog with no owner to lay it over: sized as the dialog, the layer's
     * backdrop then only a margin.
     */
    private Pane ownWindow(double scale) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        StackPane root = new StackPane();
        Scene scene = new Scene(root, Math.min(WIDTH * scale, screen.getWidth()), Math.min(HEIGHT * scale, screen.getHeight()));
        Appearance.shared().installShortcuts(scene);
        ownWindow = new Stage();
        ownWindow.titleProperty().bind(title);
        ownWindow.setScene(scene);
        ownWindow.setMinWidth(640);
        ownWindow.setMinHeight(480);
        ownWindow.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        return root;
    }

    private void onKey(KeyEvent e) {
        for (Map.Entry<KeyCombination, Runnable> key : keys.entrySet()) {
            if (key.getKey().match(e)) {
                e.consume();
                key.getValue().run();
                return;
            }
        }
        // The window's own shortcuts (Ctrl+N, Ctrl+F, F5...) would act on what is behind the dialog: they stop
        // here, as they did at a window of its own. The text size keys go on, as that window had them too.
        // Tab and the arrows pass: the focus moves by them after this.
        boolean shortcut = e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()
                || e.getCode().isFunctionKey();
        if (shortcut && !Appearance.isTextSizeKey(e)) {
            e.consume();
        }
    }

    /** Called once the resolution is written, just before the window closes. */
    public void setOnSaved(Consumer<SaveOutcome.Saved> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    public ConflictDialogViewModel viewModel() {
        return vm;
    }

    /** "Saved resolution of subscription sub_0001 (v9)": the line the inbox and the editor show after a save. */
    public static String noticeFor(Conflict conflict, SaveOutcome.Saved saved) {
        return lang("conflict.savedResolution", DomainWords.singular(conflict.kind()), conflict.entityId(),
                String.valueOf(saved.entity().version()));
    }

    private Node header() {
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

    private Node toolbar() {
        Button nonConflicting = button(lang("conflict.takeNonConflicting"), "takeAllNonConflicting",
                vm::acceptAllNonConflicting, lang("conflict.takeNonConflicting.tip"));
        first = nonConflicting;
        Button allMine = button(lang("conflict.allMine"), "takeAllMine", vm::takeAllMine,
                lang("conflict.allMine.tip"));
        Button allTheirs = button(lang("conflict.allTheirs"), "takeAllTheirs", vm::takeAllTheirs,
                lang("conflict.allTheirs.tip"));
        Button next = button(lang("conflict.next"), "nextConflict", this::nextConflict,
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

    private Node footer() {
        Label message = new Label();
        message.setId("dialogMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        StackPane busy = busyIndicator();
        Button close = button(lang("conflict.close"), "closeDialog", this::close, lang("conflict.close.tip"));
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

    /**
     * Ctrl+Enter and Ctrl+S: saves when everything is decided; otherwise goes to what is left, so the key
     * never does nothing.
     */
    private void save() {
        if (vm.canSaveBinding().get()) {
            vm.saveResolution();
        } else {
            nextConflict();
        }
    }

    /** F7: the next undecided field, with the focus on its "Yours" choice (Space takes it, Tab then Space theirs). */
    private void nextConflict() {
        vm.nextConflict().ifPresent(row -> {
            if (row.spec().type() == FieldType.LONG_TEXT && notesPane != null && row.getTextMerge() != null) {
                notesPane.focusFirstUndecided();
                return;
            }
            Node target = grid.focusTarget(row.field());
            if (target != null) {
                target.requestFocus();
            }
        });
    }

    /** The notes merge appears under the fields while a long-text field in view conflicts. */
    private void showNotesPane() {
        FieldRow notes = vm.visibleRows().stream()
                .filter(r -> r.spec().type() == FieldType.LONG_TEXT && r.getTextMerge() != null)
                .findFirst().orElse(null);
        if (notesPane != null && (notes == null || !notesPane.getId().equals("notesMerge-" + notes.field()))) {
            center.getItems().remove(notesPane);
            notesPane = null;
        }
        if (notes != null && notesPane == null) {
            notesPane = new NotesMergePane(vm, notes);
            center.getItems().add(notesPane);
            fitFields();
        }
    }

    /** Gives the field table the height it needs (up to 60%) and the notes merge the rest. */
    private void fitFields() {
        double height = center.getHeight();
        if (center.getItems().size() < 2 || height <= 0) {
            center.setDividerPositions(0.45);
            return;
        }
        double wanted = grid.prefHeight(center.getWidth()) + 6;
        center.setDividerPositions(Math.min(0.6, wanted / height));
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
