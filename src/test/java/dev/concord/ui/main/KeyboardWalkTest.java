package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.conflict.ConflictDialogViewModel;
import dev.concord.ui.conflict.Conflicts;
import dev.concord.ui.connect.ConnectActions;
import dev.concord.ui.connect.ConnectView;
import dev.concord.ui.connect.ConnectViewModel;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.testing.FocusWalk;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every window walked by Tab only, forwards and backwards: each control the focus reaches has a name a screen
 * reader can announce, and the focus comes back to where it started (no traps, e.g. a text area eating Tab).
 */
class KeyboardWalkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onFake();
    private Stage stage;
    private ConsoleView view;

    /** The main window on an in-memory service with two subscriptions. */
    private void openConsole() {
        console.fake().put(Records.subscription("sub_001", 1));
        console.fake().put(Records.subscription("sub_002", 1));
        ConsoleFixture.Shown shown = console.showOnFake();
        stage = shown.stage();
        view = shown.view();
    }

    @Test
    void mainWindowWithAnOpenRecordHasNoTrapAndNamesEveryStop(FxRobot robot) {
        openConsole();
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 2);
        // Keyboard only: Ctrl+F to the search, Enter to the first result, which opens it in the editor.
        robot.interact(() -> stage.requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#editor").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#search-subscriptions").query().requestFocus());

        List<FocusWalk.Stop> stops = walkBothWays(robot, stage.getScene());

        assertThat(ids(stops)).contains("search-subscriptions", "table-subscriptions", "field-customerName",
                "field-status", "field-notes", "field-tags-entry", "field-tags-chip-vip");
    }

    @Test
    void conflictDialogHasNoTrapAndNamesEveryStop(FxRobot robot) throws Exception {
        openConsole();
        robot.interact(() -> robot.lookup("#search-subscriptions").query().requestFocus());
        Node before = stage.getScene().getFocusOwner();
        ConflictDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
            ConflictDialog d = new ConflictDialog(new ConflictDialogViewModel(Conflicts.statusAndNotes(),
                    (id, resolution) -> { throw new AssertionError("not saved in this test"); },
                    new CurrentThreadTaskExecutor()), stage);
            d.show();
            return d;
        }).get();
        assertThat(stage.getScene().getFocusOwner()).as("the focus opens on the dialog's first command")
                .isSameAs(robot.from(dialog).lookup("#takeAllNonConflicting").query());

        List<FocusWalk.Stop> stops = walkBothWays(robot, dialog.getScene());

        assertThat(ids(stops)).contains("take-mine-status", "take-theirs-status", "notesDiff-notes",
                "notesResult-notes", "closeDialog");
        // The dialog is a layer over the main window: Tab goes round inside it, never to the window behind.
        assertThat(stops).as("stops behind the dialog").allMatch(s -> isInside(s.node(), dialog));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(dialog.isShowing()).isFalse();
        assertThat(stage.getScene().getFocusOwner()).as("the focus back where it was").isSameAs(before);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void connectScreenHasNoTrapAndNamesEveryStop(FxRobot robot) throws Exception {
        Stage connect = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(ConnectView.scrolling(new ConnectViewModel(new NeverFinishingConnect(), "https://concord.example.com",
                    null, Runnable::run)),
                    ConnectView.WINDOW_WIDTH, ConnectView.WINDOW_HEIGHT));
            s.show();
            return s;
        }).get();
        robot.interact(() -> robot.from(connect.getScene().getRoot()).lookup("#connect-server").query().requestFocus());

        List<FocusWalk.Stop> stops = walkBothWays(robot, connect.getScene());

        assertThat(ids(stops)).contains("connect-server", "connect-token", "connect-use-token", "connect-demo");
    }

    @Test
    void aTokenTypedOnTheConnectScreenIsUsedWithEnter(FxRobot robot) throws Exception {
        List<String> used = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectActions recording = new NeverFinishingConnect() {
            @Override
            public java.util.concurrent.CompletionStage<?> useToken(String serverUrl, String token) {
                used.add(serverUrl + " " + token);
                return super.useToken(serverUrl, token);
            }

            @Override
            public boolean signInAvailable() {
                return false;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(ConnectView.scrolling(new ConnectViewModel(recording, "https://concord.example.com",
                    null, Runnable::run)), ConnectView.WINDOW_WIDTH, ConnectView.WINDOW_HEIGHT));
            s.show();
            return s;
        }).get();
        robot.clickOn("#connect-token").write("cnc_secret");

        robot.type(javafx.scene.input.KeyCode.ENTER);

        await().atMost(WAIT).until(() -> !used.isEmpty());
        assertThat(used).containsExactly("https://concord.example.com cnc_secret");
    }

    @Test
    void keyboardShortcutsAndAboutHaveNoTrapAndNameEveryStop(FxRobot robot) {
        openConsole();
        robot.interact(() -> HelpWindows.shortcuts(stage, (MenuBar) view.getTop()));
        Scene shortcuts = dialogScene(robot, "shortcuts-dialog");
        // What the window is for comes first: the table has the focus, Tab goes on to Close, then back round.
        assertThat(ids(walkBothWays(robot, shortcuts))).containsExactly("shortcuts-table", "shortcuts-dialog-close");
        robot.interact(() -> shortcuts.getWindow().hide());

        robot.interact(() -> HelpWindows.about(stage, List.of("Concord", "Server: http://fake")));
        assertThat(ids(walkBothWays(robot, dialogScene(robot, "about-dialog"))))
                .containsExactly("about-dialog-text", "about-dialog-close");
    }

    private static Scene dialogScene(FxRobot robot, String id) {
        await().atMost(WAIT).until(() -> robot.lookup("#" + id).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + id).queryAs(DialogPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        return pane.getScene();
    }

    /**
     * Walks the window by Tab until the focus is back at the start, and checks every stop has a name; then one
     * Shift+Tab must go back to the last stop (the way back works too, without walking it all again).
     */
    private static List<FocusWalk.Stop> walkBothWays(FxRobot robot, Scene scene) {
        robot.interact(() -> ((Stage) scene.getWindow()).toFront());
        List<FocusWalk.Stop> forwards = FocusWalk.around(robot, scene, false);
        // The walk in the test's output: the focus order a keyboard user meets, with what a reader says.
        System.out.println("Tab order of " + scene.getRoot().getId() + ":\n  " + String.join("\n  ",
                forwards.stream().map(FocusWalk.Stop::toString).toList()));
        assertThat(forwards).as("stops without an accessible name").filteredOn(s -> s.name().isEmpty()).isEmpty();
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getFocusOwner()).as("Shift+Tab from the start").isSameAs(forwards.get(forwards.size() - 1).node());
        return forwards;
    }

    private static List<String> ids(List<FocusWalk.Stop> stops) {
        return stops.stream().map(FocusWalk.Stop::node).map(Node::getId).filter(java.util.Objects::nonNull).toList();
    }
}
