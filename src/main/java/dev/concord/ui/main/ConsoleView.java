package dev.concord.ui.main;

import dev.concord.domain.EntityKind;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import dev.concord.ui.editor.EditorView;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.history.HistoryView;
import dev.concord.ui.records.RecordListView;
import dev.concord.ui.status.StatusBarView;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: menus (every command with its shortcut), the record tables by kind plus the
 * conflict inbox on the left, the editor and history of the selected record on the right, status bar
 * at the bottom.
 */
public final class ConsoleView extends BorderPane {
    private final ConsoleViewModel vm;
    private final ConflictUi conflictUi;
    private final Map<EntityKind, RecordListView> lists = new EnumMap<>(EntityKind.class);
    private final TabPane kindTabs = new TabPane();
    private final Tab conflictsTab = new Tab("Conflicts");
    private final TabPane detailTabs = new TabPane();
    private final Tab editorTab = new Tab("Editor");
    private final Tab historyTab = new Tab("History");
    private final StackPane editorHost = new StackPane();
    private Function<EditorViewModel, Node> editorBanner = editor -> null;
    private final Label nothingOpen = new Label("Select a record to edit it");

    /** Narrower than this (at 100% text), the editor goes under the list instead of beside it. */
    static final double SIDE_BY_SIDE_FROM = 1000;
    /** The editor beside the list never gets narrower than this (at 100% text): its tab and form stay whole. */
    static final double EDITOR_MIN_WIDTH = 380;

    private final Appearance appearance;
    private final SplitPane split;
    private Supplier<List<String>> about;

    public ConsoleView(ConsoleViewModel vm, ConflictUi conflictUi, Appearance appearance) {
        this.vm = vm;
        this.conflictUi = conflictUi;
        this.appearance = appearance;
        this.about = () -> List.of("Concord", vm.services().serverUrl());
        setId("console");
        getStyleClass().add("console");

        for (EntityKind kind : EntityKind.values()) {
            RecordListView list = new RecordListView(vm.list(kind), vm::open);
            lists.put(kind, list);
            Tab tab = new Tab(title(kind.path()));
            tab.setId("tab-" + kind.path());
            contentOnFirstSelection(tab, () -> list);
            kindTabs.getTabs().add(tab);
        }
        conflictsTab.setId("tab-conflicts");
        contentOnFirstSelection(conflictsTab, conflictUi::inboxView);
        conflictsTab.textProperty().bind(vm.status().conflictCountProperty().asString("Conflicts (%d)"));
        kindTabs.getTabs().add(conflictsTab);
        kindTabs.setId("kind-tabs");
        kindTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        nothingOpen.setId("no-editor");
        nothingOpen.getStyleClass().add("muted-hint");
        editorHost.getChildren().setAll(nothingOpen);
        editorHost.setPadding(Insets.EMPTY);
        vm.editorProperty().addListener((obs, old, now) -> showEditor(now));
        editorTab.setId("tab-editor");
        editorTab.setContent(editorHost);
        historyTab.setId("tab-history");
        contentOnFirstSelection(historyTab, () -> new HistoryView(vm.history()));
        detailTabs.setId("detail-tabs");
        detailTabs.getTabs().addAll(editorTab, historyTab);
        detailTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        split = new SplitPane(kindTabs, detailTabs);
        split.setId("main-split");
        split.setDividerPositions(0.65);
        widthProperty().addListener((obs, old, width) -> arrange());
        appearance.textSizeProperty().addListener((obs, old, size) -> arrange());
        setCenter(split);
        setTop(menus());
        setBottom(new StatusBarView(vm.status(), this::showConflicts));

        vm.setConflictHandler(conflict -> conflictUi.open(getScene() == null ? null : getScene().getWindow(),
                conflict, vm::conflictResolved));
    }

    /**
     * Puts the content into the tab when it is first selected: a tab nobody has looked at yet costs no
     * styling, skins or layout before the window first shows (start-up time). Its view model works either way.
     */
    private static void contentOnFirstSelection(Tab tab, Supplier<Node> content) {
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
    }

    /**
     * Side by side when there is room, the editor under the list when the window is narrow (800 px, or
     * large text): the editor is never pushed off the window. Widths scale with the text size.
     */
    private void arrange() {
        double scale = appearance.getTextSize() / 100.0;
        Orientation wanted = getWidth() > 0 && getWidth() < SIDE_BY_SIDE_FROM * scale
                ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        detailTabs.setMinWidth(wanted == Orientation.HORIZONTAL ? EDITOR_MIN_WIDTH * scale : 0);
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setDividerPositions(wanted == Orientation.HORIZONTAL ? 0.65 : 0.45);
        }
    }

    /** Adds a node (the live banner) to every editor as it is shown; null from the function adds none. */
    public void setEditorBanner(Function<EditorViewModel, Node> banner) {
        this.editorBanner = banner;
    }

    private void showEditor(EditorViewModel editor) {
        if (editor == null) {
            editorHost.getChildren().setAll(nothingOpen);
        } else {
            EditorView view = new EditorView(editor);
            Node banner = editorBanner.apply(editor);
            if (banner != null) {
                view.showBanner(banner);
            }
            editorHost.getChildren().setAll(view);
            detailTabs.getSelectionModel().select(editorTab);
        }
    }

    private MenuBar menus() {
        MenuItem refresh = item("Refresh", "menu-refresh", new KeyCodeCombination(KeyCode.F5), vm::refreshAll);
        MenuItem quit = item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        MenuItem newSubscription = item("New subscription", "menu-new-subscription",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> vm.openNew(EntityKind.SUBSCRIPTION));
        MenuItem newPlan = item("New plan", "menu-new-plan", null, () -> vm.openNew(EntityKind.PLAN));
        MenuItem newInvoice = item("New invoice", "menu-new-invoice", null, () -> vm.openNew(EntityKind.INVOICE));
        MenuItem retire = item("Retire this record...", "menu-retire", null, this::confirmRetire);
        Menu file = new Menu("File", null, newSubscription, newPlan, newInvoice, retire, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> retire.setDisable(!vm.canRetireCurrent()));

        MenuItem save = item("Save", "menu-save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                vm::saveCurrent);
        MenuItem revert = item("Revert", "menu-revert", new KeyCodeCombination(KeyCode.ESCAPE), vm::revertCurrent);
        MenuItem find = item("Find", "menu-find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                this::focusSearch);
        MenuItem focusEditor = item("Go to editor", "menu-go-editor",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::focusEditor);
        Menu edit = new Menu("Edit", null, save, revert, new SeparatorMenuItem(), find, focusEditor);

        Menu view = new Menu("View");
        int n = 1;
        for (EntityKind kind : EntityKind.values()) {
            int index = n - 1;
            view.getItems().add(item(title(kind.path()), "menu-" + kind.path(), digit(n),
                    () -> kindTabs.getSelectionModel().select(index)));
            n++;
        }
        view.getItems().add(item("Conflicts", "menu-conflicts", digit(n), this::showConflicts));
        // Ctrl+Shift+H, not Ctrl+H: text fields take Ctrl+H as a backspace, which would eat a character of
        // the notes an agent is typing instead of opening the history.
        view.getItems().add(item("History", "menu-history",
                new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> detailTabs.getSelectionModel().select(historyTab)));
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu(),
                item("Larger text", "menu-text-larger", Appearance.LARGER_KEY, appearance::larger),
                item("Smaller text", "menu-text-smaller", Appearance.SMALLER_KEY, appearance::smaller),
                item("Actual text size", "menu-text-actual", Appearance.ACTUAL_KEY, appearance::actualSize));

        MenuItem shortcuts = item("Keyboard shortcuts", "menu-shortcuts", new KeyCodeCombination(KeyCode.F1),
                this::showShortcuts);
        MenuItem aboutItem = item("About Concord", "menu-about", null, this::showAbout);
        Menu help = new Menu("Help", null, shortcuts, new SeparatorMenuItem(), aboutItem);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Light, dark or high contrast; the choice applies to every window at once and is remembered. */
    private Menu themeMenu() {
        Menu menu = new Menu("Theme");
        menu.setId("menu-theme");
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(switch (theme) {
                case LIGHT -> "Light";
                case DARK -> "Dark";
                case HIGH_CONTRAST -> "High contrast";
            });
            choice.setId("menu-theme-" + theme.settingName());
            choice.setToggleGroup(group);
            choice.setSelected(appearance.getTheme() == theme);
            choice.setOnAction(e -> appearance.chooseTheme(theme));
            menu.getItems().add(choice);
        }
        // Another console window (or the settings) may change the theme: keep the tick where it is.
        appearance.themeProperty().addListener((obs, old, now) -> group.getToggles().forEach(t ->
                t.setSelected(((MenuItem) t).getId().equals("menu-theme-" + now.settingName()))));
        return menu;
    }

    /** Replaces the lines of Help > About (the installed console names its sign-in, data and log files). */
    public void setAbout(Supplier<List<String>> lines) {
        this.about = java.util.Objects.requireNonNull(lines);
    }

    private void showAbout() {
        HelpWindows.about(getScene().getWindow(), about.get());
    }

    private void showShortcuts() {
        HelpWindows.shortcuts(getScene().getWindow(), (MenuBar) getTop());
    }

    private static KeyCodeCombination digit(int n) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Retiring hides the record from every agent: asked once, naming the record and any unsaved edits it drops. */
    private void confirmRetire() {
        if (!vm.canRetireCurrent()) {
            return;
        }
        EditorViewModel editor = vm.getEditor();
        ButtonType retire = new ButtonType("Retire", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "It leaves every agent's list; an admin can restore it."
                + (editor.isDirty() ? " Your unsaved changes to it are dropped." : ""), ButtonType.CANCEL, retire);
        ask.setTitle("Retire");
        ask.setHeaderText("Retire " + editor.titleProperty().get() + " (v" + editor.getBase().version() + ")?");
        ask.getDialogPane().setId("retire-confirm");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.showAndWait().filter(retire::equals).ifPresent(b -> vm.retireCurrent());
    }

    private void focusEditor() {
        if (!editorHost.getChildren().isEmpty() && editorHost.getChildren().get(0) instanceof EditorView view) {
            detailTabs.getSelectionModel().select(editorTab);
            view.focusFirstField();
        }
    }

    private void focusSearch() {
        int index = kindTabs.getSelectionModel().getSelectedIndex();
        if (index >= 0 && index < EntityKind.values().length) {
            lists.get(EntityKind.values()[index]).focusSearch();
        }
    }

    /** Brings the conflict inbox to the front. */
    public void showConflicts() {
        kindTabs.getSelectionModel().select(conflictsTab);
    }

    /** Selects the tab of a kind (tests and the screenshot use it to show plans or invoices). */
    public void showKind(EntityKind kind) {
        kindTabs.getSelectionModel().select(kind.ordinal());
    }

    public RecordListView list(EntityKind kind) {
        return lists.get(kind);
    }

    static String title(String path) {
        return path.substring(0, 1).toUpperCase(Locale.ROOT) + path.substring(1);
    }
}
