package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.ui.common.Appearance;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.conflict.ConflictDialogViewModel;
import dev.concord.ui.conflict.Conflicts;
import dev.concord.ui.testing.Records;
import dev.concord.ui.testing.UiKeys;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console and the conflict window on an 800x600 screen, and with the largest text: every control
 * an agent needs is inside the window (the editor is never pushed off, the dialog scrolls rather than clips).
 */
class WindowSizesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onFake();
    private Stage stage;

    @AfterEach
    void defaultTextSize(FxRobot robot) {
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, Appearance.DEFAULT_TEXT_SIZE));
    }

    private void openConsole(FxRobot robot, double width, double height) {
        console.fake().put(Records.subscription("sub_001", 1));
        stage = console.showOnFake((base, mine) -> {
            throw new AssertionError("nothing is saved here");
        }).stage();
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> !table.getItems().isEmpty());
        UiKeys.clickRow(robot, robot.lookup("#console").query(), "#table-subscriptions", 0);
        await().atMost(WAIT).until(() -> robot.lookup("#editor").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void at800x600TheEditorGoesUnderTheListAndStaysInTheWindow(FxRobot robot) {
        openConsole(robot, 800, 600);

        Scene scene = stage.getScene();
        assertThat(robot.lookup("#main-split").queryAs(SplitPane.class).getOrientation()).isEqualTo(Orientation.VERTICAL);
        assertInside(scene, robot.lookup("#detail-tabs").query(), robot.lookup("#tab-editor").tryQuery().orElse(null),
                robot.lookup("#editor").query(), robot.lookup("#save").query(), robot.lookup("#revert").query(),
                robot.lookup("#field-customerName").query(), robot.lookup("#search-subscriptions").query());
    }

    @Test
    void withTheLargestTextTheEditorStacksAndStaysWhole(FxRobot robot) {
        // The headless screen is 1280x800 (a larger stage overflows its frame buffer); 4K is checked by hand.
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, 200));
        openConsole(robot, 1280, 800);

        Scene scene = stage.getScene();
        assertThat(robot.lookup("#main-split").queryAs(SplitPane.class).getOrientation()).isEqualTo(Orientation.VERTICAL);
        assertThat(scene.getRoot().getStyle()).contains("-fx-font-size: 28.0px");
        assertInside(scene, robot.lookup("#editor").query(), robot.lookup("#save").query(),
                robot.lookup("#field-customerName").query());
    }

    @Test
    void inAShortWindowWithTheLargestTextTheListGivesWayAndSaveStaysAboveTheStatusBar(FxRobot robot) {
        // A 1280x800 screen leaves the window about 775 px: at 200% text the list's minimum used to leave the editor
        // too little, and Save and Revert were drawn half under the status bar (seen on a real display).
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, 200));
        openConsole(robot, 1280, 760);

        Node split = robot.lookup("#main-split").query();
        double splitBottom = split.localToScene(split.getBoundsInLocal()).getMaxY();
        for (String id : List.of("#save", "#revert")) {
            Node button = robot.lookup(id).query();
            assertThat(button.localToScene(button.getBoundsInLocal()).getMaxY()).as(id + " above the status bar")
                    .isLessThanOrEqualTo(splitBottom + 0.5);
        }
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        assertThat(table.localToScene(table.getLayoutBounds()).getHeight()).as("the list keeps its header and a row")
                .isGreaterThanOrEqualTo(2 * 39.2 * 2);
    }

    @Test
    void withTheLargestTextTheStackedListStillShowsSeveralWholeRows(FxRobot robot) {
        // 1280x800 at 200% text is a 640x400 window at 100%: two whole rows above an editor that stays whole.
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, 200));
        for (int i = 2; i <= 9; i++) {
            console.fake().put(Records.subscription("sub_00" + i, 1));
        }
        openConsole(robot, 1280, 800);

        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds tableBounds = table.localToScene(table.getLayoutBounds());
        long wholeRows = robot.from(table).lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(row -> row.getItem() != null && row.isVisible())
                .map(row -> row.localToScene(row.getLayoutBounds()))
                .filter(b -> b.getMinY() >= tableBounds.getMinY() && b.getMaxY() <= tableBounds.getMaxY() + 0.5)
                .count();
        assertThat(wholeRows).as("rows of the list an agent can read above the editor").isGreaterThanOrEqualTo(2);
        // The ids are whole: the columns grow with the text.
        List<String> shownIds = robot.from(table).lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(cell -> cell.getItem() != null && cell.getTableColumn().getId().equals("col-id"))
                .map(cell -> ((javafx.scene.text.Text) cell.lookup(".text")).getText()).toList();
        assertThat(shownIds).isNotEmpty().allMatch(id -> id.matches("sub_\\d+"), "whole ids");

        // Back at 100%, the names get their room back (the large-text widths used to stay).
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, Appearance.DEFAULT_TEXT_SIZE));
        WaitForAsyncUtils.waitForFxEvents();
        var columns = table.getColumns();
        double id = columns.stream().filter(c -> "col-id".equals(c.getId())).findFirst().orElseThrow().getWidth();
        assertThat(columns.stream().filter(c -> !"col-id".equals(c.getId())).limit(2))
                .allMatch(c -> c.getWidth() > id, "customer and plan wider than the id again");
        assertInside(stage.getScene(), robot.lookup("#editor").query(), robot.lookup("#save").query());
    }

    @Test
    void at800x600TheConflictWindowKeepsItsCommandsInsideAndScrollsTheTable(FxRobot robot) throws Exception {
        openConsole(robot, 800, 600);
        ConflictDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
            ConflictDialog d = new ConflictDialog(new ConflictDialogViewModel(Conflicts.statusAndNotes(),
                    (id, resolution) -> { throw new AssertionError("not saved here"); },
                    new CurrentThreadTaskExecutor()), stage);
            d.show();
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // Over the 800x600 console window, in its scene.
        Scene scene = dialog.getScene();
        assertThat(scene).isSameAs(stage.getScene());
        Node root = dialog;

        assertInside(scene, robot.from(root).lookup("#takeAllNonConflicting").query(),
                robot.from(root).lookup("#saveResolution").query(), robot.from(root).lookup("#closeDialog").query(),
                robot.from(root).lookup("#take-mine-status").query(), robot.from(root).lookup("#take-theirs-status").query(),
                robot.from(root).lookup("#result-status").query(), robot.from(root).lookup("#notesDiff-notes").query());

        // A control the table has scrolled out of sight comes into view when the keyboard reaches it.
        Node lastToggle = robot.from(root).lookup("#take-theirs-notes").query();
        robot.interact(lastToggle::requestFocus);
        assertInside(scene, lastToggle);
        assertThat(visibleIn(robot.from(root).lookup("#fieldScroll").query(), lastToggle)).isTrue();
    }

    @Test
    void ctrlPlusAndCtrlMinusScaleTheTextEverywhereAndTellWhoRemembersIt(FxRobot robot) throws Exception {
        openConsole(robot, 1280, 800);
        List<Integer> remembered = new java.util.ArrayList<>();
        robot.interact(() -> Appearance.shared().setOnChosen(a -> remembered.add(a.getTextSize())));

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS)
                .type(javafx.scene.input.KeyCode.EQUALS).release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 17.5px");
        // A window opened later (the conflict window) gets the same size.
        ConflictDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
            ConflictDialog d = new ConflictDialog(new ConflictDialogViewModel(Conflicts.statusAndNotes(),
                    (id, resolution) -> { throw new AssertionError("not saved here"); },
                    new CurrentThreadTaskExecutor()), stage);
            d.show();
            return d;
        }).get();
        // The dialog opens in the main window's scene, whose text size it takes; it grows with it.
        assertThat(dialog.getScene().getRoot().getStyle()).contains("-fx-font-size: 17.5px");
        assertThat(dialog.getMaxWidth()).isEqualTo(Math.min(1240 * 1.25, stage.getScene().getWidth() - 32));
        // Ctrl+Minus and Ctrl+0 below are typed with the focus in the dialog: the text size keys work there too.
        assertThat(stage.getScene().getFocusOwner()).matches(n -> n.getParent() != null && robot.from(dialog)
                .lookup("#takeAllNonConflicting").query() == n);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.MINUS)
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.CONTROL);

        assertThat(remembered).containsExactly(110, 125, 110, 100);
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 14.0px");
    }

    /** Every node lies wholly inside the window's scene. */
    private static void assertInside(Scene scene, Node... nodes) {
        for (Node node : nodes) {
            assertThat(node).as("node").isNotNull();
            Bounds b = node.localToScene(node.getBoundsInLocal());
            assertThat(b.getMinX()).as(node.getId() + " left edge").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMinY()).as(node.getId() + " top edge").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as(node.getId() + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
            assertThat(b.getMaxY()).as(node.getId() + " bottom edge").isLessThanOrEqualTo(scene.getHeight() + 0.5);
        }
    }

    /** Whether {@code node} is inside the scroll pane's viewport (not scrolled away). */
    private static boolean visibleIn(Node scrollPane, Node node) {
        Bounds viewport = scrollPane.localToScene(scrollPane.getBoundsInLocal());
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return viewport.contains(b.getMinX(), b.getMinY()) && viewport.contains(b.getMaxX() - 1, b.getMaxY() - 1);
    }
}
