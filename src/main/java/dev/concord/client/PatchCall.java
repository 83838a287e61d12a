package dev.concord.client;

import dev.concord.domain.EntityKind;
import java.util.Map;

/**
 * One PATCH: the changed fields in canonical form, the version they are based on (sent in the body and
 * as If-Match), the idempotency key of this logical attempt, and for admins a forced override with reason.
 */
public record PatchCall(EntityKind kind, String id, long baseVersion, Map<String, Object> changes,
                        String idempotencyKey, boolean force, String overrideReason) {
    public PatchCall {
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }

    public static PatchCall of(EntityKind kind, String id, long baseVersion, Map<String, Object> changes,
                               String idempotencyKey) {
        return new PatchCall(kind, id, baseVersion, changes, idempotencyKey, false, null);
    }
}
