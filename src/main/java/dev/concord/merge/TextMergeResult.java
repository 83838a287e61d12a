package dev.concord.merge;

import java.util.List;

/**
 * The outcome of a line-level three-way text merge.
 *
 * @param text      every change of both sides applied; where they conflict, theirs' lines stand (so the
 *                  other writer's text is never dropped while a person decides). Equals the clean merge
 *                  when {@code clean}.
 * @param clean     true when no region conflicts
 * @param conflicts the conflicting regions in text order (lines without terminators)
 * @param marked    the merge with git-style conflict markers around each conflicting region; equals
 *                  {@code text} when clean
 */
public record TextMergeResult(String text, boolean clean, List<TextHunk> conflicts, String marked) {
    public TextMergeResult {
        conflicts = List.copyOf(conflicts);
    }
}
