package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.i18n.Language;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * View -> Language: the languages by their own names, the current one ticked. A choice is remembered and
 * applies at the next start (every window would have to be rebuilt to change it now; the menu says so).
 */
public final class LanguageMenu {
    private LanguageMenu() {
    }

    /** Adds the submenu at the end of the View menu. Must run on the FX thread. */
    public static Menu install(ConsoleView view, Language current, Consumer<Language> chosen) {
        MenuBar bar = (MenuBar) view.getTop();
        Menu viewMenu = bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst()
                .orElse(bar.getMenus().get(Math.min(2, bar.getMenus().size() - 1)));
        Menu language = new Menu(lang("menu.view.language"));
        language.setId("menu-language");
        MenuItem note = new MenuItem(lang("menu.view.language.nextStart"));
        note.setDisable(true);
        note.setId("menu-language-note");
        language.getItems().addAll(note, new SeparatorMenuItem());
        ToggleGroup group = new ToggleGroup();
        for (Language l : Language.values()) {
            // Each language by its own name, so an agent who cannot read the current one still finds theirs.
            RadioMenuItem item = new RadioMenuItem(l.nativeName());
            item.setMnemonicParsing(false);
            item.setId("menu-language-" + l.tag());
            item.setToggleGroup(group);
            item.setSelected(l == current);
            item.setOnAction(e -> chosen.accept(l));
            language.getItems().add(item);
        }
        viewMenu.getItems().addAll(new SeparatorMenuItem(), language);
        return language;
    }
}
