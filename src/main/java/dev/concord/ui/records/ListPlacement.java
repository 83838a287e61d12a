package dev.concord.ui.records;

import java.util.Map;

/**
 * Where the console puts a kind's table, as numbers: the rule that arranges the list beside or above the editor
 * (ConsoleView follows it) and the table's rectangle that follows from it at a window size and text size, so
 * that {@link RowsPreview} draws its rows exactly where the table will show them before the console exists.
 *
 * <p>The heights of the controls around the table (menu bar, tab headers and search bar above it, its footer
 * and the status bar below) come from the theme's fonts and paddings, which are not all scaled with the text:
 * they are measured for every text size the console offers, and RowsPreviewPlacementTest holds them to the
 * real console at each.
 */
public final class ListPlacement {
    /** Narrower than this (at 100% text), the editor goes under the list instead of beside it. */
    public static final double SIDE_BY_SIDE_FROM = 1000;
    /** The editor beside the list never gets narrower than this (at 100% text): its tab and form stay whole. */
    public static final double EDITOR_MIN_WIDTH = 380;
    /**
     * The list above the editor never gets lower than this (scaled with the text): its tabs, search bar, header
     * and two whole rows at 200% text. Without it, at 200% text the stacked list showed one row under its header;
     * more would push the editor's Save out of a 1280x800 window.
     */
    public static final double LIST_MIN_HEIGHT_STACKED = 200;
    /**
     * The editor under the list never gets lower than this (scaled with the text): its tabs, its title and the
     * Save and Revert buttons whole. In a short window at large text the list gives way to it (down to
     * {@link #stackedListMin}), since an editor whose Save is under the status bar cannot save.
     */
    public static final double EDITOR_MIN_HEIGHT_STACKED = 150;
    /** The list's share of the window beside the editor, and above it. */
    public static final double SIDE_BY_SIDE_DIVIDER = 0.65;
    public static final double STACKED_DIVIDER = 0.45;
    /** The split pane's divider (the theme's, in pixels at every text size). */
    private static final double DIVIDER = 4;
    /** The table's header row: the theme's, in pixels at every text size. */
    static final double HEADER_HEIGHT = 40;
    /** A row at 100% text; rows scale with it (to a tenth of a pixel, as the table's cells do). */
    private static final double ROW_HEIGHT = 39.2;
    private static final double LIST_PADDING = 10;
    /** The table's vertical scroll bar, which the columns leave room for when the rows overflow. */
    private static final double SCROLL_BAR = 8;

    /**
     * Measured by text size: menu bar, menu bar to the table's header, table to the list's bottom (its count
     * line; taller with the "Load more" button, when the server has more), status bar.
     */
    private record Chrome(double menuBar, double aboveTable, double belowTable, double belowTableWithMore,
                          double statusBar) {
    }

    private static final Map<Integer, Chrome> CHROME = Map.of(
            80, new Chrome(34, 78, 32, 48, 28),
            90, new Chrome(35, 82, 33, 49, 28),
            100, new Chrome(38, 90, 36, 52, 28),
            110, new Chrome(39, 94, 37, 53, 28),
            125, new Chrome(41, 100, 39, 55, 30),
            150, new Chrome(46, 114, 44, 60, 35),
            175, new Chrome(50, 128, 48, 64, 39),
            200, new Chrome(55, 142, 53, 69, 44));

    /**
     * The table in the window: its left edge and width (columns' room, scroll bar left out), header top, first
     * row's top, the bottom of its rows' viewport, and a row's height; all in scene pixels.
     */
    public record TableArea(double left, double width, double top, double rowsTop, double bottom, double rowHeight) {
        /** How many of {@code rows} the viewport shows whole. */
        public int wholeRows(int rows) {
            int whole = (int) Math.floor((bottom - rowsTop + 0.5) / rowHeight);
            return Math.max(0, Math.min(rows, whole));
        }
    }

    private ListPlacement() {
    }

    /** Whether a window {@code width} wide (0: not laid out yet) at {@code textSize} percent stacks the list. */
    public static boolean stacked(double width, int textSize) {
        return width > 0 && width < SIDE_BY_SIDE_FROM * textSize / 100.0;
    }

    /**
     * The stacked list's minimum height in a split pane {@code splitHeight} high (0: not laid out yet) at
     * {@code textSize} percent: {@link #LIST_MIN_HEIGHT_STACKED}, less what the editor needs to keep its Save.
     */
    public static double stackedListMin(double splitHeight, int textSize) {
        double scale = textSize / 100.0;
        double wanted = LIST_MIN_HEIGHT_STACKED * scale;
        if (splitHeight <= 0) {
            return wanted;
        }
        return Math.max(0, Math.min(wanted, splitHeight - DIVIDER - EDITOR_MIN_HEIGHT_STACKED * scale));
    }

    /** Whether {@link #table} knows the console's geometry at {@code textSize} (one of the offered sizes). */
    public static boolean known(int textSize) {
        return CHROME.containsKey(textSize);
    }

    /**
     * The table of a window {@code width} x {@code height} at {@code textSize} percent holding {@code rows} rows,
     * {@code more} when the server has more (the list then offers "Load more" under it), as the console lays it out (the split pane's divider at its share, kept off the editor's and the stacked
     * list's minimum). {@code textSize} must be {@link #known}.
     */
    public static TableArea table(double width, double height, int textSize, int rows, boolean more) {
        Chrome chrome = CHROME.get(textSize);
        if (chrome == null) {
            throw new IllegalArgumentException("no measured geometry at " + textSize + "% text");
        }
        double scale = textSize / 100.0;
        double listWidth;
        double listBottom;
        if (stacked(width, textSize)) {
            double split = height - chrome.menuBar() - chrome.statusBar();
            listWidth = width;
            listBottom = chrome.menuBar() + Math.max(stackedListMin(split, textSize),
                    Math.round(STACKED_DIVIDER * split - DIVIDER / 2));
        } else {
            listWidth = Math.min(Math.round(SIDE_BY_SIDE_DIVIDER * width - DIVIDER / 2),
                    width - EDITOR_MIN_WIDTH * scale - DIVIDER);
            listBottom = height - chrome.statusBar();
        }
        double top = chrome.menuBar() + chrome.aboveTable();
        double rowsTop = top + HEADER_HEIGHT;
        double bottom = listBottom - (more ? chrome.belowTableWithMore() : chrome.belowTable());
        double rowHeight = Math.round(ROW_HEIGHT * scale * 10) / 10.0;
        boolean scrolls = rows * rowHeight > bottom - rowsTop;
        double tableWidth = Math.max(0, listWidth - 2 * LIST_PADDING - (scrolls ? SCROLL_BAR : 0));
        return new TableArea(LIST_PADDING, tableWidth, top, rowsTop, bottom, rowHeight);
    }
}
