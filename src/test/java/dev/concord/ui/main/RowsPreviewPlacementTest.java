package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.concord.client.Page;
import dev.concord.domain.EntityKind;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RecordRow;
import dev.concord.ui.records.RowsPreview;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rows preview (issue 16) draws the console's first rows exactly where the console's table then shows
 * them, beside the editor and stacked above it (large text, narrow window): same header, same row tops and
 * heights, same columns, and only the rows the table shows whole, so nothing moves when the console replaces
 * it and no half row is drawn under the header.
 */
class RowsPreviewPlacementTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onFake();
    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void closeAndResetTextSize(FxRobot robot) {
        robot.interact(() -> {
            stages.forEach(Stage::close);
            Appearance.shared().use(Theme.LIGHT, Appearance.DEFAULT_TEXT_SIZE);
        });
    }

    /** A row's place in the scene: top and height. */
    private record Place(double top, double height) {
    }

    /**
     * More records than any of these windows shows (the table's scroll bar is there, as with a real first page);
     * 70 is more than a page, so the list offers "Load more" under the table, as with the demo's data.
     */
    @ParameterizedTest(name = "{0}% text, {1}x{2}, {3} records")
    @CsvSource({"200, 1280, 800, 70", "200, 1280, 800, 20", "175, 1280, 800, 70", "150, 1280, 800, 20",
            "100, 800, 600, 70", "200, 1000, 760, 20", "125, 1280, 800, 70", "110, 1280, 800, 20",
            "100, 1280, 800, 70", "100, 1280, 800, 20", "90, 1280, 800, 70", "80, 1280, 800, 20"})
    void thePreviewsRowsAreTheTablesWholeRowsInTheSamePlace(int textSize, double width, double height, int records,
                                                            FxRobot robot) {
        for (int i = 1; i <= records; i++) {
            console.fake().put(Records.subscription(String.format("sub_%03d", i), 1));
        }
        robot.interact(() -> Appearance.shared().use(Theme.LIGHT, textSize));
        Stage stage = console.showOnFake().stage();
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        int firstPage = Math.min(records, RecordListViewModel.firstPageQuery().limit());
        await().atMost(WAIT).until(() -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size()).get() == firstPage);
        WaitForAsyncUtils.waitForFxEvents();
        Measured console = onFx(() -> measureTable(table));

        Page page = RowsPreviewPlacementTest.console.fake()
                .list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery());
        List<RecordRow> rows = page.items().stream().map(RecordRow::of).toList();
        boolean more = page.nextCursor() != null;
        assertThat(more).as("more than a page").isEqualTo(records > rows.size());
        robot.interact(() -> {
            Stage shell = new Stage();
            stages.add(shell);
            ConsoleWindow.showShell(shell, "Concord");
            shell.setWidth(width);
            shell.setHeight(height);
            assertThat(RowsPreview.fits(shell.getScene().getWidth(), textSize)).as("a preview is offered").isTrue();
            assertThat(ConsoleWindow.showPreview(shell, new RowsPreview(EntityKind.SUBSCRIPTION, rows, more, textSize)))
                    .isTrue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node preview = robot.lookup(".rows-preview").query();
        Measured drawn = onFx(() -> measurePreview(preview));

        // Stacked, the table may show one whole row and part of the next (1280x800 at 200% with "Load more").
        assertThat(console.rows()).as("whole rows of the table").isNotEmpty();
        assertThat(drawn.rows()).as("rows the preview draws: the table's whole rows")
                .hasSameSizeAs(console.rows());
        assertThat(drawn.headerTop()).as("header top").isCloseTo(console.headerTop(), within(1.0));
        for (int i = 0; i < console.rows().size(); i++) {
            Place row = console.rows().get(i);
            assertThat(drawn.rows().get(i).top()).as("middle of row " + i)
                    .isCloseTo(row.top() + row.height() / 2, within(1.0));
            if (drawn.rows().size() > 1) {
                assertThat(drawn.rows().get(i).height()).as("height of row " + i)
                        .isCloseTo(row.height(), within(0.5));
            }
        }
        assertThat(drawn.bottom()).as("the preview's rows end above the table's bottom: no partial row")
                .isLessThanOrEqualTo(console.bottom() + 0.5);
        // Within 2.5 px: the table rounds each column to whole pixels its own way (measured up to 2.4 px at 80%).
        for (int c = 0; c < drawn.textX().size() && c < console.textX().size(); c++) {
            if (console.textX().get(c) < console.right()) {
                assertThat(drawn.textX().get(c)).as("column " + c + "'s text")
                        .isCloseTo(console.textX().get(c), within(2.5));
            }
        }
    }

    /**
     * Geometry in scene pixels: header top, rows (the table's: top and height; the preview's: middle and the
     * row pitch), the bottom of what is drawn, the right edge, each column's first text's left edge.
     */
    private record Measured(double headerTop, List<Place> rows, double bottom, double right, List<Double> textX) {
    }

    private static Measured measureTable(TableView<?> table) {
        Bounds viewport = sceneBounds(table.lookup(".clipped-container"));
        List<Place> rows = table.lookupAll(".table-row-cell").stream().map(TableRow.class::cast)
                .filter(row -> row.getItem() != null && row.isVisible())
                .sorted(Comparator.comparingInt(TableRow::getIndex))
                .map(RowsPreviewPlacementTest::sceneBounds)
                .filter(b -> b.getMaxY() <= viewport.getMaxY() + 0.5)
                .map(b -> new Place(b.getMinY(), b.getHeight())).toList();
        List<Double> textX = new ArrayList<>();
        for (var column : table.getColumns()) {
            table.lookupAll(".table-cell").stream().map(TableCell.class::cast)
                    .filter(cell -> cell.getTableColumn() == column && cell.getIndex() == 0)
                    .findFirst().map(cell -> sceneBounds(cell.lookup(".text")).getMinX()).ifPresent(textX::add);
        }
        return new Measured(sceneBounds(table.lookup(".column-header-background")).getMinY(), rows,
                viewport.getMaxY(), viewport.getMaxX(), textX);
    }

    private static Measured measurePreview(Node preview) {
        List<Group> columns = ((Parent) preview).getChildrenUnmodifiable().stream()
                .filter(Group.class::isInstance).map(Group.class::cast).toList();
        List<Text> first = columns.get(0).getChildren().stream().map(Text.class::cast).toList();
        List<Double> middles = first.stream().skip(1).map(t -> t.localToScene(t.getX(), t.getY()).getY()).toList();
        List<Place> rows = new ArrayList<>();
        for (int i = 0; i < middles.size(); i++) {
            double pitch = middles.size() > 1 ? middles.get(Math.max(1, i)) - middles.get(Math.max(1, i) - 1) : 0;
            rows.add(new Place(middles.get(i), middles.size() > 1 ? pitch : Double.NaN));
        }
        double bottom = columns.stream().mapToDouble(c -> sceneBounds(c.getClip()).getMaxY()).max().orElse(0);
        List<Double> textX = columns.stream().filter(c -> c.getChildren().size() > 1)
                .map(c -> sceneBounds(c.getChildren().get(1)).getMinX()).toList();
        return new Measured(sceneBounds(preview.lookup(".rows-preview-header")).getMinY(), rows, bottom,
                Double.NaN, textX);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

}
