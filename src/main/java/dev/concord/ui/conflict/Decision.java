package dev.concord.ui.conflict;

/** Where a field's result comes from. */
public enum Decision {
    /** A true conflict nobody has decided yet; blocks saving. */
    UNDECIDED("decision.undecided"),
    /** The automatic merge (one side changed, or both to the same value). */
    MERGED("decision.merged"),
    MINE("decision.mine"),
    THEIRS("decision.theirs"),
    /** Long text put together hunk by hunk from both sides. */
    COMBINED("decision.combined"),
    /** Typed by the person. */
    EDITED("decision.edited");

    private final String key;

    Decision(String key) {
        this.key = key;
    }

    /** The decision in the agent's language ("Yours"). */
    public String label() {
        return dev.concord.i18n.Localization.lang(key);
    }

    public boolean decided() {
        return this != UNDECIDED;
    }
}
