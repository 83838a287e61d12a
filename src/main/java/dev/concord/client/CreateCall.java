package dev.concord.client;

import dev.concord.domain.EntityKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One POST: the new record's fields in canonical form, the id asked for (null: the server assigns one),
 * and the idempotency key of this logical create, reused on every resend of it.
 */
public record CreateCall(EntityKind kind, String id, Map<String, Object> values, String idempotencyKey) {
    public CreateCall {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
