package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The account and help commands of an installed console: File > Connect to another server, Sign out;
 * Help > About (version, server, who is signed in, where data, logs and secrets are), Keyboard shortcuts.
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

        MenuItem about = item(lang("menu.help.about"), "menu-about",
                () -> show(view.getScene().getWindow(), lang("menu.help.about"), "about-dialog", actions::about));
        MenuItem shortcuts = item(lang("menu.help.shortcuts"), "menu-shortcuts",
                () -> show(view.getScene().getWindow(), lang("menu.help.shortcuts"), "shortcuts-dialog", () -> shortcuts(bar)));
        Menu help = new Menu(lang("menu.help"), null, shortcuts, new SeparatorMenuItem(), about);
        help.setId("menu-help");
        bar.getMenus().add(help);
    }

    /** Every menu command with a shortcut, as "Menu > Command: Shortcut". */
    static List<String> shortcuts(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    lines.add(menu.getText() + " \u203a " + item.getText() + ":  " + item.getAccelerator().getDisplayText());
                }
            }
        }
        return lines;
    }

    private static void show(Window owner, String title, String id, Supplier<List<String>> lines) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "",
                new ButtonType(lang("dialog.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextArea text = new TextArea(String.join("\n", lines.get()));
        text.setId(id + "-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(16, lines.get().size() + 3));
        text.setPrefColumnCount(70);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId(id);
        alert.show();
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
