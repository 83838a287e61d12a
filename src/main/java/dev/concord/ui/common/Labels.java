package dev.concord.ui.common;

import java.util.Locale;

/** Human forms of wire values ("past_due" is shown as "Past due"). */
public final class Labels {
    private Labels() {
    }

    public static String ofWire(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String spaced = wire.replace('_', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
