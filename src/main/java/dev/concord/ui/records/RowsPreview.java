package dev.concord.ui.records;

import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The first page of a list as plain text, drawn where the console's table will show the same rows, for the
 * moment between the server's answer and the console's first frame (issue 16): styling and laying out the
 * whole console and a table's cells takes the FX thread ~0.3-0.4 s on 2 cores, a few dozen text nodes take a
 * few milliseconds. The rows are the server's own answer, as the table shows them (same columns, same cell
 * texts); nothing here is interactive, and the console replaces it in one frame.
 *
 * <p>Geometry is the console's at the window's size and text size ({@link ListPlacement}: the list beside the
 * editor in a wide window, above it with large text or in a narrow one), whole rows only, so the rows stay in
 * place when the table takes over.
 */
public final class RowsPreview extends Region {
    private static final double CELL_PADDING = 7;

    private final List<RecordColumns.Column> columns;
    private final List<RecordRow> rows;
    private final int textSize;
    private final boolean more;
    private final double scale;
    private final Rectangle header = new Rectangle();
    private final List<Group> columnGroups = new ArrayList<>();
    private final List<Rectangle> stripes = new ArrayList<>();
    private int rowsBuilt;

    /**
     * A preview of {@code rows} (a list's first page, in order) at {@code textSize} percent; {@code more} when
     * the server has more pages (the list's "Load more" under the table leaves it less room).
     */
    public RowsPreview(EntityKind kind, List<RecordRow> rows, boolean more, int textSize) {
        this.more = more;
        this.columns = RecordColumns.forKind(kind);
        this.rows = List.copyOf(rows);
        this.textSize = textSize;
        this.scale = textSize / 100.0;
        getStyleClass().add("rows-preview");
        setAccessibleText(DomainWords.plural(kind));
        header.getStyleClass().add("rows-preview-header");
        getChildren().add(header);
        for (RecordColumns.Column c : columns) {
            Text title = text(c.header(), "rows-preview-title");
            Group column = new Group(title);
            column.setClip(new Rectangle());
            columnGroups.add(column);
        }
        getChildren().addAll(columnGroups);
    }

    /**
     * Whether there is a preview at {@code textSize} percent: the console's geometry is known at each text size
     * it offers ({@link ListPlacement}), beside the editor and stacked above it alike.
     */
    public static boolean fits(double width, int textSize) {
        return width > 0 && ListPlacement.known(textSize);
    }

    private static Text text(String value, String styleClass) {
        Text t = new Text(value == null ? "" : value);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.CENTER);
        return t;
    }

    @Override
    protected void layoutChildren() {
        double em = scale;
        // Where the console's table will be, and whole rows only: a row the table cuts is left out (no half row).
        ListPlacement.TableArea table = ListPlacement.table(getWidth(), getHeight(), textSize, rows.size(), more);
        double left = table.left();
        double right = left + table.width();
        double rowHeight = table.rowHeight();
        int visible = table.wholeRows(rows.size());
        header.setX(left);
        header.setY(table.top());
        header.setWidth(table.width());
        header.setHeight(ListPlacement.HEADER_HEIGHT);
        buildRows(visible);
        for (int i = 0; i < stripes.size(); i++) {
            Rectangle stripe = stripes.get(i);
            stripe.setX(left);
            stripe.setY(table.rowsTop() + rowHeight * (2 * i + 1));
            stripe.setWidth(table.width());
            stripe.setHeight(rowHeight);
        }
        double[] widths = widths(table.width());
        double edge = left;
        for (int c = 0; c < columns.size(); c++) {
            // The table puts its columns on whole pixels.
            double x = Math.round(edge);
            Group column = columnGroups.get(c);
            Rectangle clip = (Rectangle) column.getClip();
            clip.setX(x + CELL_PADDING * em);
            clip.setY(table.top());
            // Columns past the table's right edge are scrolled out of sight in the table: clipped there.
            clip.setWidth(Math.max(0, Math.min(widths[c], right - x) - 2 * CELL_PADDING * em));
            clip.setHeight(table.rowsTop() + visible * rowHeight - table.top());
            for (int r = 0; r < column.getChildren().size(); r++) {
                Text t = (Text) column.getChildren().get(r);
                t.setX(x + CELL_PADDING * em);
                t.setY(r == 0 ? table.top() + ListPlacement.HEADER_HEIGHT / 2
                        : table.rowsTop() + rowHeight * (r - 0.5));
            }
            edge += widths[c];
        }
    }

    /** Text nodes for the first {@code count} rows (only what the window shows), and every other row's stripe. */
    private void buildRows(int count) {
        for (int r = rowsBuilt; r < count; r++) {
            RecordRow row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                columnGroups.get(c).getChildren().add(text(columns.get(c).text().apply(row), "rows-preview-cell"));
            }
            if (r % 2 == 1) {
                Rectangle stripe = new Rectangle();
                stripe.getStyleClass().add("rows-preview-stripe");
                stripes.add(stripe);
                getChildren().add(1, stripe);
            }
        }
        if (count > rowsBuilt) {
            // Made during layout, after this pulse's CSS pass: styled now, or the frame draws them unstyled (black
            // text and stripes in the dark themes, the default font).
            applyCss();
        }
        rowsBuilt = Math.max(rowsBuilt, count);
    }

    /**
     * The columns' widths as the table's constrained policy gives them: preferred widths (scaled with the text),
     * the name columns giving way evenly when they do not fit, never below their minimum.
     */
    private double[] widths(double tableWidth) {
        double[] widths = new double[columns.size()];
        double sum = 0;
        int names = 0;
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).width() * scale;
            sum += widths[c];
            if (columns.get(c).givesWay()) {
                names++;
            }
        }
        double excess = sum - tableWidth;
        double least = 0;
        for (RecordColumns.Column c : columns) {
            least += c.minWidth() * scale;
        }
        if (least > tableWidth) {
            // The names cannot give enough: the table keeps every preferred width and scrolls sideways.
            return widths;
        }
        if (excess > 0 && names > 0) {
            for (int c = 0; c < widths.length; c++) {
                if (columns.get(c).givesWay()) {
                    widths[c] = Math.max(columns.get(c).minWidth() * scale, widths[c] - excess / names);
                }
            }
        } else if (excess < 0) {
            // Room to spare: the table's constrained policy, laying the columns out the first time, shares it
            // evenly among all of them (measured at 80% and 90% text, and at 100% in a wide window).
            for (int c = 0; c < widths.length; c++) {
                widths[c] -= excess / widths.length;
            }
        }
        return widths;
    }
}
