package dev.concord.ui.testing;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.client.ConcordApi;
import dev.concord.client.ListQuery;
import dev.concord.client.NotFoundException;
import dev.concord.client.Page;
import dev.concord.client.PatchCall;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.RecordMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory service for console tests: versioned records, a change log, list with search, status and
 * cursor paging, and a record of every PATCH so a test can assert that nothing was sent.
 */
public final class FakeConcordApi implements ConcordApi {
    private final Map<String, Entity> records = new ConcurrentHashMap<>();
    private final Map<String, List<HistoryEntry>> history = new ConcurrentHashMap<>();
    private final List<PatchCall> patches = new CopyOnWriteArrayList<>();
    private final List<dev.concord.client.CreateCall> creates = new CopyOnWriteArrayList<>();
    private final Map<String, Entity> createdByKey = new ConcurrentHashMap<>();
    private final String actor;
    private volatile boolean reachable = true;
    private final java.util.concurrent.atomic.AtomicInteger listCalls = new java.util.concurrent.atomic.AtomicInteger();

    public FakeConcordApi(String actor) {
        this.actor = actor;
    }

    public FakeConcordApi put(Entity record) {
        records.put(key(record.kind(), record.id()), record);
        return this;
    }

    public Entity current(EntityKind kind, String id) {
        return records.get(key(kind, id));
    }

    public List<PatchCall> patches() {
        return List.copyOf(patches);
    }

    /** How many list requests were made. */
    public int listCalls() {
        return listCalls.get();
    }

    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public Page list(EntityKind kind, ListQuery query) {
        listCalls.incrementAndGet();
        checkReachable();
        List<Entity> matching = records.values().stream()
                .filter(e -> e.kind() == kind)
                .filter(e -> query.q() == null || e.values().toString().toLowerCase(Locale.ROOT)
                        .contains(query.q().toLowerCase(Locale.ROOT)) || e.id().contains(query.q()))
                .filter(e -> query.status() == null || query.status().equals(e.values().get("status")))
                .sorted(Comparator.comparing(Entity::id))
                .toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int limit = query.limit() == null ? 50 : query.limit();
        int to = Math.min(matching.size(), from + limit);
        return new Page(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null);
    }

    @Override
    public Entity get(EntityKind kind, String id) {
        checkReachable();
        Entity e = records.get(key(kind, id));
        if (e == null) {
            throw new NotFoundException("No " + kind.singular() + " " + id);
        }
        return e;
    }

    @Override
    public Entity getVersion(EntityKind kind, String id, long version) {
        throw new UnsupportedOperationException("not needed by the console tests");
    }

    @Override
    public List<HistoryEntry> history(EntityKind kind, String id) {
        checkReachable();
        List<HistoryEntry> entries = new ArrayList<>(history.getOrDefault(key(kind, id), List.of()));
        java.util.Collections.reverse(entries);
        return entries;
    }

    @Override
    public synchronized Entity patch(PatchCall call) {
        checkReachable();
        patches.add(call);
        Entity current = get(call.kind(), call.id());
        if (current.version() != call.baseVersion()) {
            throw new VersionConflictException(409, "moved on", current, current.version(), List.of());
        }
        Map<String, Object> canonical = new java.util.LinkedHashMap<>();
        call.changes().forEach((field, value) -> canonical.put(field, call.kind().requireField(field).parse(value)));
        Entity next = current.kind().create(new RecordMeta(current.id(), current.version() + 1,
                current.createdAt(), Instant.now(), actor), current.values().withAll(canonical));
        records.put(key(call.kind(), call.id()), next);
        List<FieldChange> changes = new ArrayList<>();
        canonical.forEach((field, value) -> {
            var spec = call.kind().requireField(field);
            changes.add(new FieldChange(field, spec.toWire(current.values().get(field)), spec.toWire(value)));
        });
        history.computeIfAbsent(key(call.kind(), call.id()), k -> new CopyOnWriteArrayList<>())
                .add(new HistoryEntry(0, call.kind().path(), call.id(), next.version(), actor, next.updatedAt(),
                        HistoryEntry.UPDATE, changes, null));
        return next;
    }

    /** Creates like the server: a new id unless given, version 1; the same idempotency key answers the first create. */
    @Override
    public synchronized Entity create(dev.concord.client.CreateCall call) {
        checkReachable();
        creates.add(call);
        Entity first = createdByKey.get(call.idempotencyKey());
        if (first != null) {
            return first;
        }
        String id = call.id() != null ? call.id() : call.kind().path().substring(0, 3) + "_new" + creates.size();
        Map<String, Object> values = new java.util.LinkedHashMap<>(call.values());
        Entity created = call.kind().create(new RecordMeta(id, 1, Instant.now(), Instant.now(), actor),
                dev.concord.domain.FieldValues.of(values));
        records.put(key(call.kind(), id), created);
        createdByKey.put(call.idempotencyKey(), created);
        return created;
    }

    /** Retires like the server: only at the current version; afterwards the record is gone (404). */
    @Override
    public synchronized dev.concord.api.DeletedRecord delete(EntityKind kind, String id, long version) {
        checkReachable();
        Entity current = get(kind, id);
        if (current.version() != version) {
            throw new VersionConflictException(409, "moved on", current, current.version(), List.of());
        }
        records.remove(key(kind, id));
        return new dev.concord.api.DeletedRecord(kind.path(), id, version + 1, Instant.now(), actor);
    }

    /** Every create sent, retries included. */
    public List<dev.concord.client.CreateCall> creates() {
        return List.copyOf(creates);
    }

    @Override
    public Identity whoAmI() {
        checkReachable();
        return new Identity(actor, "agent");
    }

    @Override
    public boolean healthy() {
        return reachable;
    }

    private void checkReachable() {
        if (!reachable) {
            throw new ServerUnreachableException("Connection refused", false, null);
        }
    }

    private static String key(EntityKind kind, String id) {
        return kind.path() + "/" + id;
    }
}
