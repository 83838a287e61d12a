package dev.concord.ui.history;

import java.time.Instant;

/** One field's change in the history table: which version, who, when, and from what to what. */
public record HistoryRow(long version, String who, Instant at, String kind, String field, String from, String to) {
}
