package dev.concord.ui.conflict;

/** Which side's lines a text hunk contributes to the merged text. */
public enum HunkChoice {
    UNDECIDED,
    MINE,
    THEIRS,
    /** Theirs' lines, then mine: what the merge engine does for two insertions at one place. */
    BOTH
}
