package dev.concord.merge;

import java.util.List;

/**
 * One stretch of a three-way text merge, from {@link TextMerge#regions}: base lines {@code [baseStart,
 * baseStart + baseLines.size())} and the lines mine and theirs have in their place. Lines keep their
 * {@code \n} (the last line of a text may lack it), so joining the regions' lines of one side in order gives
 * that text back byte for byte.
 */
public record TextRegion(Kind kind, int baseStart, List<String> baseLines, List<String> mineLines,
                         List<String> theirsLines) {

    /** Who changed a region, which decides how {@link TextMerge#merge} treats it. */
    public enum Kind {
        /** Neither side changed it. */
        SAME,
        MINE_ONLY,
        THEIRS_ONLY,
        /** Both made the same change. */
        BOTH_SAME,
        /**
         * Both only inserted lines, differently, at one place: the merge takes the union of the two
         * insertions, lines both inserted once ({@link #both}).
         */
        BOTH_INSERTED,
        CONFLICT
    }

    public TextRegion {
        baseLines = List.copyOf(baseLines);
        mineLines = List.copyOf(mineLines);
        theirsLines = List.copyOf(theirsLines);
    }

    /** Whether either side changed this region. */
    public boolean changed() {
        return kind != Kind.SAME;
    }

    /**
     * Theirs' and mine's lines merged line by line: a two-way diff of the two, where lines both have appear
     * once, each side's own lines appear in their order, and theirs come first where they differ. A line
     * that lacked its newline (the end of a text) gets one when more lines follow.
     */
    public List<String> both() {
        return Union.of(theirsLines, mineLines);
    }

    /** The lines the merge has here: the changed side's, the union of two insertions, theirs for a conflict. */
    public List<String> mergedLines() {
        return switch (kind) {
            case SAME -> baseLines;
            case MINE_ONLY, BOTH_SAME -> mineLines;
            case BOTH_INSERTED -> both();
            case THEIRS_ONLY, CONFLICT -> theirsLines;
        };
    }
}
