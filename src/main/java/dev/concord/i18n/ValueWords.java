package dev.concord.i18n;

import static dev.concord.i18n.Localization.lang;

import java.util.Locale;

/**
 * The one place that names enum values for people: "past_due" is "Past due", "Überfällig", "En retard de
 * paiement". The list, the status filter, the editor, the live banner, the history and the conflict window
 * all show values through here, so no window shows a wire value another words differently. Each key is
 * written out (the bundle test finds it); ValueWordsTest checks every value of every enum field has one.
 */
public final class ValueWords {
    private ValueWords() {
    }

    /** The display name of an enum field's wire value; blank for none. */
    public static String of(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String key = key(wire);
        return key == null ? humanized(wire) : lang(key);
    }

    /** The key naming {@code wire}, or null for a value the console does not know yet. */
    static String key(String wire) {
        return switch (wire) {
            case "active" -> "value.active";
            case "paused" -> "value.paused";
            case "cancelled" -> "value.cancelled";
            case "past_due" -> "value.past_due";
            case "trialing" -> "value.trialing";
            case "expired" -> "value.expired";
            case "draft" -> "value.draft";
            case "open" -> "value.open";
            case "paid" -> "value.paid";
            case "void" -> "value.void";
            case "uncollectible" -> "value.uncollectible";
            case "weekly" -> "value.weekly";
            case "monthly" -> "value.monthly";
            case "quarterly" -> "value.quarterly";
            case "yearly" -> "value.yearly";
            default -> null;
        };
    }

    /** A value a newer server sent: readable rather than raw ("some_state" as "Some state"). */
    private static String humanized(String wire) {
        String spaced = wire.replace('_', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
