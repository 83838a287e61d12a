package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The console's menu bar: every command with its shortcut (File, Edit, View, Help), acting on the view model and
 * the console's two sides. Help > Shortcuts lists what this bar holds, so a command without a menu item has no
 * shortcut either.
 */
final class ConsoleMenus {
    private final ConsoleViewModel vm;
    private final Appearance appearance;
    private final RecordTabs records;
    private final DetailTabs details;
    /** The console, for the window it is in (dialogs are owned by it, Quit hides it). */
    private final Node console;
    private final MenuBar bar;
    private Supplier<List<String>> about;

    ConsoleMenus(ConsoleViewModel vm, Appearance appearance, RecordTabs records, DetailTabs details, Node console) {
        this.vm = vm;
        this.appearance = appearance;
        this.records = records;
        this.details = details;
        this.console = console;
        this.about = () -> List.of("Concord", vm.services().serverUrl());
        this.bar = build();
    }

    MenuBar bar() {
        return bar;
    }

    /** See {@link ConsoleView#setAbout}. */
    void setAbout(Supplier<List<String>> lines) {
        this.about = Objects.requireNonNull(lines);
    }

    private MenuBar build() {
        MenuItem refresh = item(lang("menu.file.refresh"), "menu-refresh", new KeyCodeCombination(KeyCode.F5), vm::refreshAll);
        MenuItem quit = item(lang("menu.file.quit"), "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> window().hide());
        MenuItem newSubscription = item(lang("menu.file.newSubscription"), "menu-new-subscription",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> vm.openNew(EntityKind.SUBSCRIPTION));
        MenuItem newPlan = item(lang("menu.file.newPlan"), "menu-new-plan", null, () -> vm.openNew(EntityKind.PLAN));
        MenuItem newInvoice = item(lang("menu.file.newInvoice"), "menu-new-invoice", null, () -> vm.openNew(EntityKind.INVOICE));
        MenuItem retire = item(lang("menu.file.retire"), "menu-retire", null,
                () -> RetireConfirmation.ask(console.getScene() == null ? null : window(), vm));
        Menu file = new Menu(lang("menu.file"), null, newSubscription, newPlan, newInvoice, retire, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> retire.setDisable(!vm.canRetireCurrent()));

        MenuItem save = item(lang("menu.edit.save"), "menu-save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                vm::saveCurrent);
        MenuItem revert = item(lang("menu.edit.revert"), "menu-revert", new KeyCodeCombination(KeyCode.ESCAPE), vm::revertCurrent);
        MenuItem find = item(lang("menu.edit.find"), "menu-find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                records::focusSearch);
        MenuItem focusEditor = item(lang("menu.edit.goToEditor"), "menu-go-editor",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), details::focusEditor);
        Menu edit = new Menu(lang("menu.edit"), null, save, revert, new SeparatorMenuItem(), find, focusEditor);

        Menu view = new Menu(lang("menu.view"));
        view.setId("menu-view");
        int n = 1;
        for (EntityKind kind : EntityKind.values()) {
            view.getItems().add(item(DomainWords.plural(kind), "menu-" + kind.path(), digit(n), () -> records.showKind(kind)));
            n++;
        }
        view.getItems().add(item(lang("menu.view.conflicts"), "menu-conflicts", digit(n), records::showConflicts));
        // Ctrl+Shift+H, not Ctrl+H: text fields take Ctrl+H as a backspace, which would eat a character of
        // the notes an agent is typing instead of opening the history.
        view.getItems().add(item(lang("menu.view.history"), "menu-history",
                new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                details::showHistory));
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu(),
                item(lang("menu.view.textLarger"), "menu-text-larger", Appearance.LARGER_KEY, appearance::larger),
                item(lang("menu.view.textSmaller"), "menu-text-smaller", Appearance.SMALLER_KEY, appearance::smaller),
                item(lang("menu.view.textActual"), "menu-text-actual", Appearance.ACTUAL_KEY, appearance::actualSize));

        MenuItem shortcuts = item(lang("menu.help.shortcuts"), "menu-shortcuts", new KeyCodeCombination(KeyCode.F1),
                () -> HelpWindows.shortcuts(window(), bar));
        MenuItem aboutItem = item(lang("menu.help.about"), "menu-about", null, () -> HelpWindows.about(window(), about.get()));
        Menu help = new Menu(lang("menu.help"), null, shortcuts, new SeparatorMenuItem(), aboutItem);
        help.setId("menu-help");

        MenuBar menuBar = new MenuBar(file, edit, view, help);
        menuBar.setId("menu-bar");
        return menuBar;
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

    private Window window() {
        return console.getScene().getWindow();
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
}
