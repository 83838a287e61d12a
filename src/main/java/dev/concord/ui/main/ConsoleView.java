package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import dev.concord.ui.common.Appearance;
import dev.concord.i18n.DomainWords;
import dev.concord.ui.common.Theme;
import dev.concord.ui.editor.EditorView;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.history.HistoryView;
import dev.concord.ui.records.RecordListView;
import dev.concord.ui.status.StatusBarView;
import java.util.EnumMap;
import java.util.List;
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
    private final Tab conflictsTab = new Tab();
    private final TabPane detailTabs = new TabPane();
    private final Tab editorTab = new Tab(lang("console.tab.editor"));
    private final Tab historyTab = new Tab(lang("console.tab.history"));
    private final StackPane editorHost = new StackPane();
    private Function<EditorViewModel, Node> editorBanner = editor -> null;
    private final javafx.beans.binding.StringBinding conflictsTabText;
    private final Label nothingOpen = new Label(lang("console.noEditor"));

    /** Narrower than this (at 100% text), the editor goes under the list instead of beside it. */
    static final double SIDE_BY_SIDE_FROM = dev.concord.ui.records.RowsPreview.SIDE_BY_SIDE_FROM;
    /** The editor beside the list never gets narrower than this (at 100% text): its tab and form stay whole. */
    static final double EDITOR_MIN_WIDTH = 380;
    /**
     * The list above the editor never gets lower than this (scaled with the text): its tabs, search bar, header
     * and two whole rows at 200% text. Without it, at 200% text the stacked list showed one row under its header;
     * more would push the editor's Save out of a 1280x800 window.
     */
    static final double LIST_MIN_HEIGHT_STACKED = 200;

    private final Appearance appearance;
    private final SplitPane split;
    private Supplier<List<String>> about;

    public ConsoleView(ConsoleViewModel vm, ConflictUi conflictUi, Appearance appearance) {
        this.vm = vm;
        this.conflictUi = conflictUi;
        this.appearance = appearance;
        this.about = () -> List.of("Concord", vm.services().serverUrl());
        conflictsTabText = javafx.beans.binding.Bindings.createStringBinding(
                () -> lang("console.tab.conflicts", vm.status().conflictCountProperty().get()),
                vm.status().conflictCountProperty());
        setId("console");
        getStyleClass().add("console");

        for (EntityKind kind : EntityKind.values()) {
            RecordListView list = new RecordListView(vm.list(kind), vm::open);
            lists.put(kind, list);
            Tab tab = new Tab(DomainWords.plural(kind));
            tab.setId("tab-" + kind.path());
            contentOnFirstSelection(tab, () -> list);
            kindTabs.getTabs().add(tab);
        }
        conflictsTab.setId("tab-conflicts");
        contentOnFirstSelection(conflictsTab, conflictUi::inboxView);
        conflictsTab.textProperty().bind(conflictsTabText);
        kindTabs.getTabs().add(conflictsTab);
        kindTabs.setId("kind-tabs");
        kindTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        nothingOpen.setId("no-editor");
        nothingOpen.getStyleClass().add("muted-hint");
        // "Wählen Sie einen Datensatz aus, um ihn zu bearbeiten" is wider than the editor pane at 1200 px.
        nothingOpen.setWrapText(true);
        nothingOpen.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        nothingOpen.setPadding(new javafx.geometry.Insets(0, 16, 0, 16));
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
        kindTabs.setMinHeight(wanted == Orientation.VERTICAL ? LIST_MIN_HEIGHT_STACKED * scale
                : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
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
        MenuItem refresh = item(lang("menu.file.refresh"), "menu-refresh", new KeyCodeCombination(KeyCode.F5), vm::refreshAll);
        MenuItem quit = item(lang("menu.file.quit"), "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        MenuItem newSubscription = item(lang("menu.file.newSubscription"), "menu-new-subscription",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> vm.openNew(EntityKind.SUBSCRIPTION));
        MenuItem newPlan = item(lang("menu.file.newPlan"), "menu-new-plan", null, () -> vm.openNew(EntityKind.PLAN));
        MenuItem newInvoice = item(lang("menu.file.newInvoice"), "menu-new-invoice", null, () -> vm.openNew(EntityKind.INVOICE));
        MenuItem retire = item(lang("menu.file.retire"), "menu-retire", null, this::confirmRetire);
        Menu file = new Menu(lang("menu.file"), null, newSubscription, newPlan, newInvoice, retire, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> retire.setDisable(!vm.canRetireCurrent()));

        MenuItem save = item(lang("menu.edit.save"), "menu-save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                vm::saveCurrent);
        MenuItem revert = item(lang("menu.edit.revert"), "menu-revert", new KeyCodeCombination(KeyCode.ESCAPE), vm::revertCurrent);
        MenuItem find = item(lang("menu.edit.find"), "menu-find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                this::focusSearch);
        MenuItem focusEditor = item(lang("menu.edit.goToEditor"), "menu-go-editor",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::focusEditor);
        Menu edit = new Menu(lang("menu.edit"), null, save, revert, new SeparatorMenuItem(), find, focusEditor);

        Menu view = new Menu(lang("menu.view"));
        view.setId("menu-view");
        int n = 1;
        for (EntityKind kind : EntityKind.values()) {
            int index = n - 1;
            view.getItems().add(item(DomainWords.plural(kind), "menu-" + kind.path(), digit(n),
                    () -> kindTabs.getSelectionModel().select(index)));
            n++;
        }
        view.getItems().add(item(lang("menu.view.conflicts"), "menu-conflicts", digit(n), this::showConflicts));
        // Ctrl+Shift+H, not Ctrl+H: text fields take Ctrl+H as a backspace, which would eat a character of
        // the notes an agent is typing instead of opening the history.
        view.getItems().add(item(lang("menu.view.history"), "menu-history",
                new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> detailTabs.getSelectionModel().select(historyTab)));
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu(),
                item(lang("menu.view.textLarger"), "menu-text-larger", Appearance.LARGER_KEY, appearance::larger),
                item(lang("menu.view.textSmaller"), "menu-text-smaller", Appearance.SMALLER_KEY, appearance::smaller),
                item(lang("menu.view.textActual"), "menu-text-actual", Appearance.ACTUAL_KEY, appearance::actualSize));

        MenuItem shortcuts = item(lang("menu.help.shortcuts"), "menu-shortcuts", new KeyCodeCombination(KeyCode.F1),
                this::showShortcuts);
        MenuItem aboutItem = item(lang("menu.help.about"), "menu-about", null, this::showAbout);
        Menu help = new Menu(lang("menu.help"), null, shortcuts, new SeparatorMenuItem(), aboutItem);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Light, dark or high contrast; the choice applies to every window at once and is remembered. */
    private Menu themeMenu() {
        Menu menu = new Menu(lang("menu.view.theme"));
        menu.setId("menu-theme");
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(switch (theme) {
                case LIGHT -> lang("theme.light");
                case DARK -> lang("theme.dark");
                case HIGH_CONTRAST -> lang("theme.highContrast");
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
        ButtonType retire = new ButtonType(lang("retire.button"), ButtonBar.ButtonData.OK_DONE);
        // Our own Cancel: JavaFX words its ButtonType.CANCEL in the machine's language, not the agent's.
        ButtonType cancel = new ButtonType(lang("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, editor.isDirty() ? lang("retire.contentUnsaved")
                : lang("retire.content"), cancel, retire);
        ask.setTitle(lang("retire.title"));
        ask.setHeaderText(lang("retire.header", editor.titleProperty().get(),
                String.valueOf(editor.getBase().version())));
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
}
