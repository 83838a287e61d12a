package dev.concord.ui.conflict;

import java.util.List;

/**
 * One stretch of a long text seen three ways. {@code SAME} regions are untouched by both sides; every other
 * kind is a hunk a person may take from either side.
 */
record TextRegion(Kind kind, List<String> baseLines, List<String> mineLines, List<String> theirsLines) {
    enum Kind {
        SAME, MINE_ONLY, THEIRS_ONLY, BOTH_SAME,
        /** Both inserted different lines at one place: kept both, theirs first, as the merge engine does. */
        BOTH_INSERTED,
        CONFLICT
    }

    TextRegion {
        baseLines = List.copyOf(baseLines);
        mineLines = List.copyOf(mineLines);
        theirsLines = List.copyOf(theirsLines);
    }

    boolean hunk() {
        return kind != Kind.SAME;
    }
}
