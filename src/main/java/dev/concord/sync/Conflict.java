package dev.concord.sync;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import java.time.Instant;
import java.util.List;

/**
 * An edit that needs a person: the record the agent loaded ({@code base}), the agent's edited fields
 * ({@code mine}), the server's current record ({@code theirs}), everything merged so far, and the fields
 * that truly conflict. Resolving writes with {@code theirs.version()} as the new base.
 */
public record Conflict(String conflictId, EntityKind kind, String entityId, Entity base, FieldValues mine,
                       Entity theirs, FieldValues mergedSoFar, List<FieldConflict> conflicts,
                       Instant createdAt) {
    public Conflict {
        conflicts = List.copyOf(conflicts);
    }
}
