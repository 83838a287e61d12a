package dev.concord.merge;

import java.util.List;

/**
 * One conflicting region of a line-level text merge: the lines each side has there, and where the
 * region starts in the base (0-based line index).
 */
public record TextHunk(int baseStart, List<String> baseLines, List<String> mineLines, List<String> theirsLines) {
    public TextHunk {
        baseLines = List.copyOf(baseLines);
        mineLines = List.copyOf(mineLines);
        theirsLines = List.copyOf(theirsLines);
    }
}
