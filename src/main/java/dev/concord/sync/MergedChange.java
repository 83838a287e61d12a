package dev.concord.sync;

import java.time.Instant;

/** A field another writer changed that a save kept while re-applying the agent's own changes. */
public record MergedChange(String field, String changedBy, Instant changedAt) {
}
