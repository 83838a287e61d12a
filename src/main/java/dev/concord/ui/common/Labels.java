package dev.concord.ui.common;

import dev.concord.i18n.ValueWords;
import javafx.util.StringConverter;

/** Human forms of wire values ("past_due" is shown as "Past due"), in the agent's language. */
public final class Labels {
    private Labels() {
    }

    public static String ofWire(String wire) {
        return ValueWords.of(wire);
    }

    /** For choosers of wire values (an enum field): shows each value's name, keeps the wire value. */
    public static StringConverter<String> wireNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String wire) {
                return ofWire(wire);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
