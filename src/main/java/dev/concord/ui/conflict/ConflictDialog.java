package dev.concord.ui.conflict;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.FieldType;
import dev.concord.sync.Conflict;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.KeyboardScrolling;
import dev.concord.ui.common.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
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
    private Consumer<SaveOutcome.Saved> onSaved = saved -> { };
    private Runnable onHidden = () -> { };
    private ModalLayer layer;
    private Stage ownWindow;
    private final DialogBars bars;

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
        bars = new DialogBars(vm, this::nextConflict, this::close);
        setTop(new VBox(bars.header(), bars.toolbar()));
        fields = new ScrollPane(grid);
        fields.setId("fieldScroll");
        fields.setFitToWidth(true);
        fields.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        center.setOrientation(Orientation.VERTICAL);
        center.getItems().add(fields);
        setCenter(center);
        setBottom(bars.footer());
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
        layer.open(bars.first());
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

}
