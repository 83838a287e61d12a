package dev.concord.ui.conflict;

/** Where a field's result comes from. */
public enum Decision {
    /** A true conflict nobody has decided yet; blocks saving. */
    UNDECIDED("Decide"),
    /** The automatic merge (one side changed, or both to the same value). */
    MERGED("Merged"),
    MINE("Yours"),
    THEIRS("Theirs"),
    /** Long text put together hunk by hunk from both sides. */
    COMBINED("Combined"),
    /** Typed by the person. */
    EDITED("Edited");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean decided() {
        return this != UNDECIDED;
    }
}
