package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With a menu open, the arrow keys move in the menu and nowhere else (seen by hand on GTK: Alt+F, Down, Down
 * moved the subscription list behind the File menu by two rows).
 */
class MenuKeysTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onFake();

    @Test
    void arrowKeysWithTheFileMenuOpenDoNotMoveTheListBehindIt(FxRobot robot) {
        for (int i = 1; i <= 4; i++) {
            console.fake().put(Records.subscription("sub_00" + i, 1));
        }
        ConsoleFixture.Shown shown = console.showOnFake();
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 4);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        });
        Menu file = ((MenuBar) shown.view().getTop()).getMenus().get(0);

        robot.interact(() -> {
            file.show();
            // What GTK does with a menu opened by Alt+F: it shows before its items have the keyboard focus
            // (Monocle gives it to them at once, so without this the test would not see the problem).
            ContextMenu popup = Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                    .map(ContextMenu.class::cast).findFirst().orElseThrow();
            popup.getScene().getRoot().requestFocus();
        });
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(file.isShowing()).isTrue();
        assertThat(table.getSelectionModel().getSelectedIndex()).as("the list behind the menu stays").isZero();
        assertThat(file.getItems().get(1).getStyleableNode().isFocused()).as("Down moved in the menu: \"New plan\"")
                .isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedIndex()).as("menu closed: Down is the list's again")
                .isEqualTo(1);
    }
}
