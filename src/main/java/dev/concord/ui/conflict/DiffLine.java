package dev.concord.ui.conflict;

import java.util.List;

/**
 * One row of the side-by-side notes diff: a hunk header (carrying the take buttons) or a pair of lines,
 * yours on the left and theirs on the right, split into segments so changed words can be highlighted.
 *
 * @param hunk      index of the hunk this row belongs to, or -1 for text neither side touched
 * @param mineNo    1-based line number in yours, or 0 where yours has no line here
 * @param theirsNo  1-based line number in theirs, or 0 where theirs has no line here
 */
public record DiffLine(Kind kind, int hunk, List<Segment> mine, List<Segment> theirs, int mineNo, int theirsNo) {
    public enum Kind { HUNK_HEADER, UNCHANGED, CHANGED, MINE_ONLY_LINE, THEIRS_ONLY_LINE }

    public DiffLine {
        mine = List.copyOf(mine);
        theirs = List.copyOf(theirs);
    }

    /** A run of text; {@code changed} marks words that differ from the other side. */
    public record Segment(String text, boolean changed) {
    }

    public String mineText() {
        return join(mine);
    }

    public String theirsText() {
        return join(theirs);
    }

    private static String join(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }
}
