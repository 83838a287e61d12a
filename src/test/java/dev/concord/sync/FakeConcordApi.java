package dev.concord.sync;

import dev.concord.api.ChangedField;
import dev.concord.api.DeletedRecord;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.client.ApiException;
import dev.concord.client.ConcordApi;
import dev.concord.client.CreateCall;
import dev.concord.client.ListQuery;
import dev.concord.client.NotFoundException;
import dev.concord.client.Page;
import dev.concord.client.PatchCall;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.ValidationFailedException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An in-memory service with the contract's write rules: version check, 409 with current and changedSince,
 * idempotency keys (same key and body: the first answer again), creates and soft deletes. Faults can be
 * scripted per write (PATCH, POST or DELETE).
 */
final class FakeConcordApi implements ConcordApi {
    /** What the next PATCH does instead of (or besides) its normal work. */
    sealed interface Fault {
    }

    /** The request never reaches the service. */
    record Fail(ApiException error) implements Fault {
    }

    /** The write commits but the answer is lost on the way back (a timeout). */
    record DropAnswer() implements Fault {
    }

    /** The 409 arrives without the current record. */
    record ConflictWithoutCurrent() implements Fault {
    }

    /** Runs (e.g. another writer's change) just before the PATCH is handled. */
    record Before(Consumer<FakeConcordApi> action) implements Fault {
    }

    private record Stored(PatchCall call, Entity result, VersionConflictException conflict) {
    }

    private final Map<String, List<Entity>> versions = new HashMap<>();
    private final Map<String, Stored> byKey = new HashMap<>();
    private final Map<String, CreateCall> createdByKey = new HashMap<>();
    private final java.util.Set<String> retired = new java.util.HashSet<>();
    private final List<Object> writeCalls = new ArrayList<>();
    private final Map<String, String> createdIds = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<PatchCall> calls = new ArrayList<>();
    private final String actor;
    private int gets;

    FakeConcordApi(String actor, Entity... records) {
        this.actor = actor;
        for (Entity e : records) {
            versions.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
    }

    /** A client of the same records for another user: their writes are stamped with {@code who}. */
    ConcordApi clientFor(String who) {
        FakeConcordApi server = this;
        return new ConcordApi() {
            @Override
            public Page list(EntityKind kind, ListQuery query) {
                return server.list(kind, query);
            }

            @Override
            public Entity get(EntityKind kind, String id) {
                return server.get(kind, id);
            }

            @Override
            public Entity getVersion(EntityKind kind, String id, long version) {
                return server.getVersion(kind, id, version);
            }

            @Override
            public List<HistoryEntry> history(EntityKind kind, String id) {
                return server.history(kind, id);
            }

            @Override
            public Entity patch(PatchCall call) {
                return server.patchAs(who, call);
            }

            @Override
            public Identity whoAmI() {
                return new Identity(who, "agent");
            }

            @Override
            public boolean healthy() {
                return true;
            }
        };
    }

    synchronized void script(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Every create and delete sent, in order (a CreateCall, or "delete id@version"). */
    synchronized List<Object> lifecycleCalls() {
        return List.copyOf(writeCalls);
    }

    synchronized boolean isRetired(String id) {
        return retired.contains(id);
    }

    @Override
    public synchronized Entity create(CreateCall call) {
        writeCalls.add(call);
        Fault fault = faults.poll();
        if (fault instanceof Fail f) {
            throw f.error();
        }
        CreateCall first = createdByKey.get(call.idempotencyKey());
        if (first != null) {
            if (!first.equals(call)) {
                throw new ValidationFailedException(422, "IDEMPOTENCY_KEY_REUSED", "key reused", List.of());
            }
            return current(first.id() != null ? first.id() : createdIds.get(call.idempotencyKey()));
        }
        String id = call.id() != null ? call.id() : call.kind().path().substring(0, 3) + "_new" + (versions.size() + 1);
        if (versions.containsKey(id)) {
            throw new ValidationFailedException(409, "ALREADY_EXISTS", "There already is a " + call.kind().singular()
                    + " " + id, List.of());
        }
        Instant at = Instant.parse("2026-11-29T08:00:00Z");
        Entity created = call.kind().create(new RecordMeta(id, 1, at, at, actor), FieldValues.of(call.values()));
        versions.computeIfAbsent(id, k -> new ArrayList<>()).add(created);
        createdByKey.put(call.idempotencyKey(), call);
        createdIds.put(call.idempotencyKey(), id);
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return created;
    }

    @Override
    public synchronized DeletedRecord delete(EntityKind kind, String id, long version) {
        writeCalls.add("delete " + id + "@" + version);
        Fault fault = faults.poll();
        if (fault instanceof Before b) {
            b.action().accept(this);
            fault = null;
        }
        if (fault instanceof Fail f) {
            throw f.error();
        }
        if (!versions.containsKey(id) || retired.contains(id)) {
            throw new NotFoundException("There is no " + kind.singular() + " " + id);
        }
        Entity cur = current(id);
        if (cur.version() != version) {
            List<ChangedField> changed = new ArrayList<>();
            Entity base = versions.get(id).get((int) version - 1);
            for (String f : cur.values().changedFrom(base.values())) {
                Entity by = lastChangeOf(id, f);
                changed.add(new ChangedField(f, base.values().get(f), cur.values().get(f), by.updatedBy(), by.updatedAt()));
            }
            throw new VersionConflictException(409, "changed by others", cur, cur.version(), changed);
        }
        retired.add(id);
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return new DeletedRecord(kind.path(), id, version + 1, Instant.parse("2026-11-29T10:00:00Z"), actor);
    }

    synchronized List<PatchCall> calls() {
        return List.copyOf(calls);
    }

    synchronized int gets() {
        return gets;
    }

    synchronized Entity current(String id) {
        List<Entity> vs = versions.get(id);
        return vs.get(vs.size() - 1);
    }

    /** Another writer commits {@code changes} directly. */
    synchronized Entity writeAs(String who, String id, Map<String, Object> changes) {
        Entity cur = current(id);
        Entity next = cur.kind().create(new RecordMeta(id, cur.version() + 1, cur.createdAt(),
                Instant.parse("2026-11-29T09:00:00Z").plusSeconds(cur.version()), who), cur.values().withAll(changes));
        versions.get(id).add(next);
        return next;
    }

    @Override
    public synchronized Page list(EntityKind kind, ListQuery query) {
        return new Page(versions.values().stream().map(v -> v.get(v.size() - 1)).filter(e -> e.kind() == kind)
                .filter(e -> !retired.contains(e.id())).toList(), null);
    }

    @Override
    public synchronized Entity get(EntityKind kind, String id) {
        gets++;
        if (!versions.containsKey(id) || retired.contains(id)) {
            throw new NotFoundException("No " + kind.singular() + " " + id);
        }
        return current(id);
    }

    @Override
    public synchronized Entity getVersion(EntityKind kind, String id, long version) {
        return versions.get(id).get((int) version - 1);
    }

    @Override
    public List<HistoryEntry> history(EntityKind kind, String id) {
        return List.of();
    }

    @Override
    public Entity patch(PatchCall call) {
        return patchAs(actor, call);
    }

    synchronized Entity patchAs(String who, PatchCall call) {
        calls.add(call);
        Fault fault = faults.poll();
        if (fault instanceof Before b) {
            b.action().accept(this);
            fault = null;
        }
        if (fault instanceof Fail f) {
            throw f.error();
        }
        Stored seen = byKey.get(call.idempotencyKey());
        if (seen != null && seen.call().equals(call)) {
            if (seen.conflict() != null) {
                throw seen.conflict();
            }
            return seen.result();
        }
        if (!versions.containsKey(call.id())) {
            throw new NotFoundException("No " + call.kind().singular() + " " + call.id());
        }
        Entity cur = current(call.id());
        if (cur.version() != call.baseVersion()) {
            Entity base = versions.get(call.id()).get((int) call.baseVersion() - 1);
            List<ChangedField> changed = new ArrayList<>();
            for (String f : cur.values().changedFrom(base.values())) {
                Entity by = lastChangeOf(call.id(), f);
                changed.add(new ChangedField(f, base.values().get(f), cur.values().get(f), by.updatedBy(), by.updatedAt()));
            }
            VersionConflictException conflict = new VersionConflictException(409, "changed by others",
                    fault instanceof ConflictWithoutCurrent ? null : cur, cur.version(), changed);
            byKey.put(call.idempotencyKey(), new Stored(call, null, conflict));
            throw conflict;
        }
        Entity next = writeAs(who, call.id(), call.changes());
        byKey.put(call.idempotencyKey(), new Stored(call, next, null));
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return next;
    }

    private Entity lastChangeOf(String id, String field) {
        List<Entity> vs = versions.get(id);
        for (int i = vs.size() - 1; i > 0; i--) {
            if (!Objects.equals(vs.get(i).values().get(field), vs.get(i - 1).values().get(field))) {
                return vs.get(i);
            }
        }
        return vs.get(0);
    }

    @Override
    public Identity whoAmI() {
        return new Identity(actor, "agent");
    }

    @Override
    public boolean healthy() {
        return true;
    }
}
