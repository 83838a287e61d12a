package dev.concord.sync;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.time.Instant;
import java.util.Set;

/**
 * An edit that could not reach the server. Kept durably with the same idempotency key, so retrying it
 * later cannot apply it twice.
 *
 * <p>{@code base} is null when the edit was made offline on a record this user never fetched (the command
 * line's {@code edit} without a last copy): {@code mine} then holds only the fields given, and the retry
 * fetches the record as it was when the edit was made and merges from there.
 *
 * <p>{@code lastError} is why the last attempt did not save it (null before any attempt); a store written by
 * an earlier version holds an English sentence there, read back as {@link Reason.Code#EARLIER}.
 */
public record PendingEdit(String pendingId, EntityKind kind, String entityId, Entity base, FieldValues mine,
                          String idempotencyKey, Instant createdAt, Reason lastError) {

    /** Whether the record this edit was made on is known. */
    public boolean baseKnown() {
        return base != null;
    }

    /** The fields this edit changes (for an unknown base: every field it gives). */
    public Set<String> changedFields() {
        return base == null ? new java.util.TreeSet<>(mine.asMap().keySet())
                : base.values().withAll(mine.asMap()).changedFrom(base.values());
    }
}
