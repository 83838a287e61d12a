package dev.concord.merge;

import java.util.ArrayList;
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
        /** Both inserted different lines at one place: the merge keeps both, theirs first ({@link #both}). */
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
     * Theirs' lines, then mine. Theirs' last line gets a newline when it lacks one, or it would fuse with
     * mine's first line.
     */
    public List<String> both() {
        List<String> out = new ArrayList<>(theirsLines.size() + mineLines.size());
        out.addAll(theirsLines);
        if (!Lines.endsWithNewline(out)) {
            out.set(out.size() - 1, out.get(out.size() - 1) + "\n");
        }
        out.addAll(mineLines);
        return out;
    }

    /** The lines the merge has here: the changed side's, both for two insertions, theirs for a conflict. */
    public List<String> mergedLines() {
        return switch (kind) {
            case SAME -> baseLines;
            case MINE_ONLY, BOTH_SAME -> mineLines;
            case BOTH_INSERTED -> both();
            case THEIRS_ONLY, CONFLICT -> theirsLines;
        };
    }
}
