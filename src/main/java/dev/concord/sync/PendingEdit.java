package dev.concord.sync;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.time.Instant;

/**
 * An edit that could not reach the server. Kept durably with the same idempotency key, so retrying it
 * later cannot apply it twice.
 */
public record PendingEdit(String pendingId, EntityKind kind, String entityId, Entity base, FieldValues mine,
                          String idempotencyKey, Instant createdAt, String lastError) {
}
