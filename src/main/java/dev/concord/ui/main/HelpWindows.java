package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.Node;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.stage.Screen;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > Keyboard shortcuts (every shortcut of the console, menus and beyond) and Help > About. */
final class HelpWindows {
    private HelpWindows() {
    }

    /** One line of the shortcuts table. */
    record Shortcut(String where, String action, String keys) {
    }

    /** Shortcuts without a menu item: they act on the focused control or in the conflict window. */
    static List<Shortcut> beyondMenus() {
        String everywhere = lang("help.where.everywhere");
        String conflict = lang("help.where.conflict");
        String tags = lang("help.where.tags");
        return List.of(
                new Shortcut(everywhere, lang("help.action.traverse"), lang("help.keys.traverse")),
                new Shortcut(everywhere, lang("help.action.menuBar"), "F10"),
                new Shortcut(everywhere, lang("help.action.mnemonic"), lang("help.keys.mnemonic")),
                new Shortcut(everywhere, lang("help.action.leaveTextArea"), lang("help.keys.traverse")),
                new Shortcut(conflict, lang("help.action.nextConflict"), lang("help.keys.nextConflict")),
                new Shortcut(conflict, lang("help.action.pickSide"), lang("help.keys.space")),
                new Shortcut(conflict, lang("help.action.saveResolution"), lang("help.keys.saveResolution")),
                new Shortcut(conflict, lang("help.action.closeConflict"), lang("help.keys.escape")),
                new Shortcut(tags, lang("help.action.addTag"), lang("help.keys.addTag")),
                new Shortcut(tags, lang("help.action.removeTag"), lang("help.keys.removeTag")),
                new Shortcut(tags, lang("help.action.lastTag"), lang("help.keys.backspace")),
                new Shortcut(lang("help.where.lists"), lang("help.action.searchToResults"), lang("help.keys.enter")),
                new Shortcut(lang("help.where.inbox"), lang("help.action.openConflict"), lang("help.keys.enter")));
    }

    /** Every menu command with a shortcut, then {@link #beyondMenus()}. */
    static List<Shortcut> all(MenuBar bar) {
        List<Shortcut> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            addItems(lines, plain(menu.getText()), menu.getItems());
        }
        lines.addAll(beyondMenus());
        return lines;
    }

    private static void addItems(List<Shortcut> lines, String where, List<MenuItem> items) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                addItems(lines, where, sub.getItems());
            } else if (item.getAccelerator() != null) {
                lines.add(new Shortcut(where, plain(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** Menu text without its mnemonic marker. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "");
    }

    static void shortcuts(Window owner, MenuBar bar) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcuts-table");
        table.getItems().setAll(all(bar));
        // Shares of the table's width (its size is in em, appearance.css), so the columns grow with the text.
        table.getColumns().add(column(table, lang("help.column.where"), 0.21, Shortcut::where));
        table.getColumns().add(column(table, lang("help.column.action"), 0.46, Shortcut::action));
        table.getColumns().add(column(table, lang("help.column.keys"), 0.30, Shortcut::keys));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        show(owner, lang("help.shortcuts.title"), "shortcuts-dialog", table);
    }

    static void about(Window owner, List<String> lines) {
        TextArea text = dev.concord.ui.common.TabLeaves.of(new TextArea(String.join("\n", lines)));
        text.setId("about-dialog-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(16, lines.size() + 3));
        text.setPrefColumnCount(70);
        show(owner, lang("help.about.title"), "about-dialog", text);
    }

    private static TableColumn<Shortcut, String> column(TableView<Shortcut> table, String header, double share,
                                                        java.util.function.Function<Shortcut, String> text) {
        TableColumn<Shortcut, String> c = new TableColumn<>(header);
        c.prefWidthProperty().bind(table.widthProperty().multiply(share));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    /**
     * Keeps a window sized in em (200% text on a small screen) within the visual bounds of its owner's screen:
     * shrunk to them and moved onto them.
     */
    static void fitOnScreen(Alert alert, Window owner) {
        Window window = alert.getDialogPane().getScene().getWindow();
        Rectangle2D ownerBounds = new Rectangle2D(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight()));
        Rectangle2D screen = Screen.getScreensForRectangle(ownerBounds).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        if (window.getWidth() > screen.getWidth()) {
            window.setWidth(screen.getWidth());
        }
        if (window.getHeight() > screen.getHeight()) {
            window.setHeight(screen.getHeight());
        }
        window.setX(Math.max(screen.getMinX(), Math.min(window.getX(), screen.getMaxX() - window.getWidth())));
        window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - window.getHeight())));
    }

    /**
     * A resizable window with a title that also names the content for screen readers. The focus starts on
     * the content and Tab goes from it to Close: a dialog pane lists its button bar before content set later,
     * so Tab would reach Close first; the bar is moved behind the content (the pane lays out by role, not order).
     */
    private static void show(Window owner, String title, String id, javafx.scene.control.Control content) {
        ButtonType close = new ButtonType(lang("dialog.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.NONE, "", close);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setResizable(true);
        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        heading.setLabelFor(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(8, heading, content);
        DialogPane pane = alert.getDialogPane();
        pane.setContent(box);
        pane.setId(id);
        pane.lookupButton(close).setId(id + "-close");
        // The bar's uniform button width was measured before the text size applied ("Cl..." at 200%).
        javafx.scene.control.ButtonBar.setButtonUniformSize(pane.lookupButton(close), false);
        Node buttons = pane.lookup(".button-bar");
        if (buttons != null) {
            buttons.toFront();
        }
        alert.setOnShown(e -> {
            content.requestFocus();
            fitOnScreen(alert, owner);
        });
        alert.show();
    }
}
