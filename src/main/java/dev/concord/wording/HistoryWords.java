package dev.concord.wording;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.HistoryEntry;

/**
 * A change-log row's kind and reason in the agent's words. The kind is a wire value ("conflict", "rebased");
 * the reason is what a person typed (an admin's restore), except on a refused retire, where the server wrote
 * an English sentence for its log: that row is worded here instead.
 */
public final class HistoryWords {
    private HistoryWords() {
    }

    /** "created", "archived", "refused (changed meanwhile)", ...; an unknown kind as it came. */
    public static String kind(String wire) {
        return switch (wire == null ? "" : wire) {
            case HistoryEntry.CREATE -> lang("history.created");
            case HistoryEntry.UPDATE -> lang("history.updated");
            case HistoryEntry.OVERRIDE -> lang("history.override");
            case HistoryEntry.DELETE -> lang("history.deleted");
            case HistoryEntry.RESTORE -> lang("history.restored");
            case HistoryEntry.CONFLICT -> lang("history.refused");
            case HistoryEntry.REBASED -> lang("history.rebased");
            default -> String.valueOf(wire);
        };
    }

    /** The row's reason to show, or null: a person's words as typed, the server's own worded here. */
    public static String reason(HistoryEntry e) {
        if (HistoryEntry.CONFLICT.equals(e.kind()) && e.changes().isEmpty()) {
            return lang("history.staleRetire");
        }
        return e.reason();
    }
}
