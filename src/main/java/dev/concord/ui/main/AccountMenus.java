package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The account and help commands of an installed console: File > Connect to another server, Sign out;
 * the lines of Help > About (version, server, who is signed in, where data, logs and secrets are).
 */
public final class AccountMenus {
    /** What the commands do; the application wires them. */
    public interface Actions {
        void connectElsewhere();

        void signOut();

        /** Lines of the About box. */
        List<String> about();
    }

    private AccountMenus() {
    }

    /** Adds the commands to the console's menu bar. Must run on the FX thread. */
    public static void install(ConsoleView view, Actions actions) {
        MenuBar bar = (MenuBar) view.getTop();
        Menu file = bar.getMenus().get(0);
        MenuItem connect = item(lang("menu.file.connect"), "menu-connect", actions::connectElsewhere);
        MenuItem signOut = item(lang("menu.file.signOut"), "menu-sign-out", actions::signOut);
        // Before Quit and its separator.
        int at = Math.max(0, file.getItems().size() - 2);
        file.getItems().addAll(at, List.of(new SeparatorMenuItem(), connect, signOut));

        // Help > About of every console exists already; an installed one says more in it.
        view.setAbout(actions::about);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
