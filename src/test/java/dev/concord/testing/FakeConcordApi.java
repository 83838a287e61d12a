package dev.concord.testing;

import dev.concord.api.DeletedRecord;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.client.ApiException;
import dev.concord.client.ConcordApi;
import dev.concord.client.CreateCall;
import dev.concord.client.ListQuery;
import dev.concord.client.Page;
import dev.concord.client.PatchCall;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one in-memory service of the tests (sync, console, CLI), with the contract's rules: versioned
 * records and their change log; list with search, status and cursor paging; PATCH with the version check
 * and a 409 carrying the current record and what changed since; idempotency keys (the same key and body
 * answer the first answer again, a reused key with another body is refused); creates and soft deletes.
 * It records every call, so a test can assert what was (or was not) sent, can be made unreachable, and
 * can fail or disturb the next writes ({@link #script}). Thread-safe.
 */
public final class FakeConcordApi implements ConcordApi {
    /** What the next write (PATCH, POST or DELETE) does instead of (or besides) its normal work. */
    public sealed interface Fault {
    }

    /** The request never reaches the service. */
    public record Fail(ApiException error) implements Fault {
    }

    /** The write commits but the answer is lost on the way back (a timeout). */
    public record DropAnswer() implements Fault {
    }

    /** The 409 arrives without the current record. */
    public record ConflictWithoutCurrent() implements Fault {
    }

    /** Runs (e.g. another writer's change) just before the write is handled. */
    public record Before(Consumer<FakeConcordApi> action) implements Fault {
    }

    private record Stored(PatchCall call, Entity result, VersionConflictException conflict) {
    }

    /** Guarded by this fake's lock, as everything here. */
    private final FakeRecords records = new FakeRecords();
    private final Map<String, Stored> patchedByKey = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<PatchCall> patches = new ArrayList<>();
    private final List<CreateCall> creates = new ArrayList<>();
    private final List<Object> lifecycleCalls = new ArrayList<>();
    private final String actor;
    private final FakeLifecycle lifecycle;
    private volatile boolean reachable = true;
    private int gets;
    private int listCalls;

    /** A service whose writes through this client are stamped with {@code actor}, holding {@code records}. */
    public FakeConcordApi(String actor, Entity... records) {
        this.actor = actor;
        this.lifecycle = new FakeLifecycle(this.records, actor);
        for (Entity e : records) {
            put(e);
        }
    }

    // ---- arranging --------------------------------------------------------------------------------

    /** Stores {@code record} as its kind/id's newest version (replacing one of the same version). */
    public synchronized FakeConcordApi put(Entity record) {
        records.put(record);
        return this;
    }

    /** Another writer commits {@code changes} to record {@code id} directly (a new version). */
    public synchronized Entity writeAs(String who, String id, Map<String, Object> changes) {
        return records.writeAs(who, id, changes);
    }

    /** The next writes meet these faults, one each, in order. */
    public synchronized void script(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Unreachable: every call fails as a refused connection and {@link #healthy()} is false. */
    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** A client of the same records for another user: their writes are stamped with {@code who}. */
    public ConcordApi clientFor(String who) {
        return new FakeClient(this, who);
    }

    // ---- looking -----------------------------------------------------------------------------------

    /** The newest version of {@code kind}/{@code id} (retired or not); null when there is none. */
    public synchronized Entity current(EntityKind kind, String id) {
        return records.current(kind, id);
    }

    /** The newest version of the record {@code id}, whatever its kind (ids are unique in the tests). */
    public synchronized Entity current(String id) {
        return records.current(id);
    }

    /** Every PATCH sent, retries included. */
    public synchronized List<PatchCall> patches() {
        return List.copyOf(patches);
    }

    /** Every PATCH sent (as {@link #patches()}). */
    public List<PatchCall> calls() {
        return patches();
    }

    /** Every create sent, retries included. */
    public synchronized List<CreateCall> creates() {
        return List.copyOf(creates);
    }

    /** Every create and delete sent, in order (a CreateCall, or "delete id@version"). */
    public synchronized List<Object> lifecycleCalls() {
        return List.copyOf(lifecycleCalls);
    }

    public synchronized boolean isRetired(String id) {
        return records.isRetired(id);
    }

    /** How many single records were read. */
    public synchronized int gets() {
        return gets;
    }

    /** How many list requests were made. */
    public synchronized int listCalls() {
        return listCalls;
    }

    // ---- the API -----------------------------------------------------------------------------------

    @Override
    public synchronized Page list(EntityKind kind, ListQuery asked) {
        ListQuery query = asked != null ? asked : ListQuery.all();
        listCalls++;
        checkReachable();
        List<Entity> matching = records.live()
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
    public synchronized Entity get(EntityKind kind, String id) {
        gets++;
        checkReachable();
        return records.live(kind, id);
    }

    @Override
    public synchronized Entity getVersion(EntityKind kind, String id, long version) {
        checkReachable();
        return records.version(kind, id, version);
    }

    @Override
    public synchronized List<HistoryEntry> history(EntityKind kind, String id) {
        checkReachable();
        return records.history(kind, id);
    }

    @Override
    public Entity patch(PatchCall call) {
        return patchAs(actor, call);
    }

    /** A PATCH as {@code who} (the fake's own actor, or another user's {@link #clientFor} client). */
    synchronized Entity patchAs(String who, PatchCall call) {
        checkReachable();
        patches.add(call);
        Fault fault = nextFault();
        if (fault instanceof Fail f) {
            throw f.error();
        }
        Stored seen = patchedByKey.get(call.idempotencyKey());
        if (seen != null && seen.call().equals(call)) {
            if (seen.conflict() != null) {
                throw seen.conflict();
            }
            return seen.result();
        }
        Entity cur = records.live(call.kind(), call.id());
        if (cur.version() != call.baseVersion()) {
            VersionConflictException conflict = new VersionConflictException(409, "changed by others",
                    fault instanceof ConflictWithoutCurrent ? null : cur, cur.version(),
                    records.changedSince(call.kind(), call.id(), call.baseVersion()));
            patchedByKey.put(call.idempotencyKey(), new Stored(call, null, conflict));
            throw conflict;
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        call.changes().forEach((field, value) -> canonical.put(field, call.kind().requireField(field).parse(value)));
        Entity next = records.writeAs(who, call.id(), canonical);
        List<FieldChange> changes = new ArrayList<>();
        canonical.forEach((field, value) -> {
            var spec = call.kind().requireField(field);
            changes.add(new FieldChange(field, spec.toWire(cur.values().get(field)), spec.toWire(value)));
        });
        records.logged(call.kind(), call.id(), new HistoryEntry(0, call.kind().path(), call.id(), next.version(), who,
                next.updatedAt(), HistoryEntry.UPDATE, changes, null));
        patchedByKey.put(call.idempotencyKey(), new Stored(call, next, null));
        if (fault instanceof DropAnswer) {
            throw new ServerUnreachableException("timeout", true, null);
        }
        return next;
    }

    /** Creates like the server: a new id unless given, version 1; the same idempotency key answers the first create. */
    @Override
    public synchronized Entity create(CreateCall call) {
        checkReachable();
        creates.add(call);
        lifecycleCalls.add(call);
        return lifecycle.create(call, nextFault());
    }

    /** Retires like the server: only at the current version; afterwards the record is gone (404). */
    @Override
    public synchronized DeletedRecord delete(EntityKind kind, String id, long version) {
        checkReachable();
        lifecycleCalls.add("delete " + id + "@" + version);
        return lifecycle.delete(kind, id, version, nextFault());
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

    // ---- inside ------------------------------------------------------------------------------------

    /** The next scripted fault; a {@link Before} runs here and the write then goes on normally. */
    private Fault nextFault() {
        Fault fault = faults.poll();
        if (fault instanceof Before b) {
            b.action().accept(this);
            return null;
        }
        return fault;
    }

    private void checkReachable() {
        if (!reachable) {
            throw new ServerUnreachableException("Connection refused", false, null);
        }
    }
}
