package dev.concord.merge;

/**
 * A merge as {@code git merge-file -p} prints it: the merged text with conflict markers, and how many
 * conflicts it shows (git's exit code, before git caps it at 127).
 */
public record MergedText(String text, int conflicts) {
}
