package dev.concord.ui.conflict;

import dev.concord.merge.SideBySideDiff;

/**
 * One row of the side-by-side notes diff: a hunk header (carrying the take buttons) or a pair of lines,
 * yours on the left and theirs on the right. Changed words are worked out only when a row is shown
 * ({@link #segments()}), so a virtualized list pays for the rows on screen, not for the whole text.
 *
 * @param hunk index of the hunk this row belongs to, or -1 for text neither side touched
 * @param row  the line pair with 1-based line numbers in yours (left) and theirs (right), 0 where a side
 *             has no line; null for a hunk header
 */
public record DiffLine(Kind kind, int hunk, SideBySideDiff.Row row) {
    public enum Kind { HUNK_HEADER, UNCHANGED, CHANGED, MINE_ONLY_LINE, THEIRS_ONLY_LINE }

    static DiffLine header(int hunk) {
        return new DiffLine(Kind.HUNK_HEADER, hunk, null);
    }

    static DiffLine of(int hunk, SideBySideDiff.Row row) {
        Kind kind = switch (row.tag()) {
            case EQUAL -> Kind.UNCHANGED;
            case CHANGE -> Kind.CHANGED;
            case DELETE -> Kind.MINE_ONLY_LINE;
            case INSERT -> Kind.THEIRS_ONLY_LINE;
        };
        return new DiffLine(kind, hunk, row);
    }

    public int mineNo() {
        return row == null ? 0 : row.leftNo();
    }

    public int theirsNo() {
        return row == null ? 0 : row.rightNo();
    }

    public String mineText() {
        return row == null ? "" : row.left();
    }

    public String theirsText() {
        return row == null ? "" : row.right();
    }

    /** Yours and theirs split into runs, changed words marked (computed on each call). */
    public SideBySideDiff.Segments segments() {
        return row == null ? new SideBySideDiff.Segments(java.util.List.of(), java.util.List.of())
                : SideBySideDiff.segments(row);
    }
}
