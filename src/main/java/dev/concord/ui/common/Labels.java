package dev.concord.ui.common;

import dev.concord.i18n.ValueWords;

/** Human forms of wire values ("past_due" is shown as "Past due"), in the agent's language. */
public final class Labels {
    private Labels() {
    }

    public static String ofWire(String wire) {
        return ValueWords.of(wire);
    }
}
