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
 * <p>Geometry follows the console's at the window's size and text size (menus, tabs, search bar above the
 * table; the list at 65% of a wide window, above the editor in a narrow one), in units of the root font, so
 * the rows stay in place when the table takes over.
 */
public final class RowsPreview extends Region {
    /** The theme's font at 100% text (Appearance: 14 px); the console's geometry below is measured at it. */
    private static final double BASE_FONT_PX = 14;
    /** Top of the table's header: menu bar, tab headers, the list's padding, search bar and spacing. */
    private static final double HEADER_TOP = 128;
    private static final double ROW_HEIGHT = 39.2;
    private static final double LIST_PADDING = 10;
    private static final double CELL_PADDING = 7;
    /** The table's vertical scroll bar, which the columns leave room for. */
    private static final double SCROLL_BAR = 8;
    /** Narrower than this (at 100% text), the console puts the editor under the list (ConsoleView uses it too). */
    public static final double SIDE_BY_SIDE_FROM = 1000;

    private final List<RecordColumns.Column> columns;
    private final List<RecordRow> rows;
    private final double scale;
    private final Rectangle header = new Rectangle();
    private final List<Group> columnGroups = new ArrayList<>();
    private final List<Rectangle> stripes = new ArrayList<>();
    private int rowsBuilt;

    /** A preview of {@code rows} (a list's first page, in order) at {@code textSize} percent. */
    public RowsPreview(EntityKind kind, List<RecordRow> rows, int textSize) {
        this.columns = RecordColumns.forKind(kind);
        this.rows = List.copyOf(rows);
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
     * Whether the console lays the list beside the editor in a window {@code width} wide at {@code textSize}
     * percent: only then is there a preview. Stacked (a narrow window, large text) the list's height follows the
     * split's minimum, which the preview does not reproduce: at 200% text it showed half a row under the header
     * for ~0.4 s before the console's two. There the console is built at once, as without a preview.
     */
    public static boolean fits(double width, int textSize) {
        return width >= SIDE_BY_SIDE_FROM * textSize / 100.0;
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
        double width = getWidth();
        double height = getHeight();
        boolean sideBySide = width >= SIDE_BY_SIDE_FROM * em;
        double listWidth = sideBySide ? width * 0.65 : width;
        double listBottom = sideBySide ? height : height * 0.45;
        double left = LIST_PADDING;
        double tableWidth = Math.max(0, listWidth - 2 * LIST_PADDING - SCROLL_BAR);
        double top = HEADER_TOP * em;
        double rowHeight = ROW_HEIGHT * em;
        header.setX(left);
        header.setY(top);
        header.setWidth(tableWidth);
        header.setHeight(rowHeight);
        int visible = (int) Math.max(0, Math.min(rows.size(), Math.ceil((listBottom - top - rowHeight) / rowHeight)));
        buildRows(visible);
        for (int i = 0; i < stripes.size(); i++) {
            Rectangle stripe = stripes.get(i);
            stripe.setX(left);
            stripe.setY(top + rowHeight * (2 * i + 2));
            stripe.setWidth(tableWidth);
            stripe.setHeight(rowHeight);
        }
        double[] widths = widths(tableWidth);
        double x = left;
        for (int c = 0; c < columns.size(); c++) {
            Group column = columnGroups.get(c);
            Rectangle clip = (Rectangle) column.getClip();
            clip.setX(x + CELL_PADDING * em);
            clip.setY(top);
            clip.setWidth(Math.max(0, widths[c] - 2 * CELL_PADDING * em));
            clip.setHeight(Math.max(0, listBottom - top));
            for (int r = 0; r < column.getChildren().size(); r++) {
                Text t = (Text) column.getChildren().get(r);
                t.setX(x + CELL_PADDING * em);
                t.setY(top + rowHeight * (r + 0.5));
            }
            x += widths[c];
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
        if (excess > 0 && names > 0) {
            for (int c = 0; c < widths.length; c++) {
                if (columns.get(c).givesWay()) {
                    widths[c] = Math.max(columns.get(c).minWidth() * scale, widths[c] - excess / names);
                }
            }
        } else if (excess < 0) {
            // The last column takes what is left, as the table's flex-last-column policy does.
            widths[widths.length - 1] -= excess;
        }
        return widths;
    }
}
