package dev.concord.testing;

import dev.concord.api.DeletedRecord;
import dev.concord.client.CreateCall;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.ValidationFailedException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import dev.concord.testing.FakeConcordApi.DropAnswer;
import dev.concord.testing.FakeConcordApi.Fail;
import dev.concord.testing.FakeConcordApi.Fault;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeConcordApi}'s creates and soft deletes, with the server's rules: a create answers the same record
 * again for the same idempotency key and body and refuses the key with another body; a delete only at the
 * current version. Not thread-safe on its own: the fake calls it under its lock.
 */
final class FakeLifecycle {
    private static final Instant CREATED_AT = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant RETIRED_AT = Instant.parse("2026-11-29T10:00:00Z");

    private final FakeRecords records;
    private final String actor;
    private final Map<String, CreateCall> createdByKey = new HashMap<>();
    private final Map<String, String> createdIds = new HashMap<>();

    FakeLifecycle(FakeRecords records, String actor) {
        this.records = records;
        this.actor = actor;
    }

    Entity create(CreateCall call, Fault fault) {
        if (fault instanceof Fail f) {
            throw f.error();
        }
        CreateCall first = createdByKey.get(call.idempotencyKey());
        if (first != null) {
            if (!first.equals(call)) {
                throw new ValidationFailedException(422, "IDEMPOTENCY_KEY_REUSED", "key reused", List.of());
            }
            return records.current(call.kind(), createdIds.get(call.idempotencyKey()));
        }
        String id = call.id() != null ? call.id() : call.kind().path().substring(0, 3) + "_new" + (records.count() + 1);
        if (records.exists(call.kind(), id)) {
            throw new ValidationFailedException(409, "ALREADY_EXISTS", "There already is a " + call.kind().singular()
                    + " " + id, List.of());
        }
        Entity created = call.kind().create(new RecordMeta(id, 1, CREATED_AT, CREATED_AT, actor),
                FieldValues.of(new LinkedHashMap<>(call.values())));
        records.put(created);
        createdByKey.put(call.idempotencyKey(), call);
        createdIds.put(call.idempotencyKey(), id);
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return created;
    }

    DeletedRecord delete(EntityKind kind, String id, long version, Fault fault) {
        if (fault instanceof Fail f) {
            throw f.error();
        }
        Entity cur = records.live(kind, id);
        if (cur.version() != version) {
            throw new VersionConflictException(409, "changed by others", cur, cur.version(),
                    records.changedSince(kind, id, version));
        }
        records.retire(kind, id);
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return new DeletedRecord(kind.path(), id, version + 1, RETIRED_AT, actor);
    }
}
