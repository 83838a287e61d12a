package dev.concord.testing;

import dev.concord.api.ChangedField;
import dev.concord.api.HistoryEntry;
import dev.concord.client.NotFoundException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.RecordMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The records of {@link FakeConcordApi}: every version of each record, its change log, and which are retired.
 * Not thread-safe on its own: the fake holds its lock around every use.
 */
final class FakeRecords {
    private static final Instant WRITTEN_FROM = Instant.parse("2026-11-29T09:00:00Z");

    /** Every version of each record by kind/id, oldest first. */
    private final Map<String, List<Entity>> versions = new LinkedHashMap<>();
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();
    private final Set<String> retired = new HashSet<>();

    /** Stores {@code record} as its kind/id's newest version (replacing one of the same version). */
    void put(Entity record) {
        List<Entity> vs = versions.computeIfAbsent(key(record.kind(), record.id()), k -> new ArrayList<>());
        if (!vs.isEmpty() && vs.get(vs.size() - 1).version() == record.version()) {
            vs.set(vs.size() - 1, record);
        } else {
            vs.add(record);
        }
    }

    /** A new version of record {@code id} with {@code changes}, written by {@code who}. */
    Entity writeAs(String who, String id, Map<String, Object> changes) {
        Entity cur = current(id);
        Entity next = cur.kind().create(new RecordMeta(id, cur.version() + 1, cur.createdAt(),
                WRITTEN_FROM.plusSeconds(cur.version()), who), cur.values().withAll(changes));
        put(next);
        return next;
    }

    /** The newest version of {@code kind}/{@code id} (retired or not); null when there is none. */
    Entity current(EntityKind kind, String id) {
        List<Entity> vs = versions.get(key(kind, id));
        return vs == null ? null : vs.get(vs.size() - 1);
    }

    /** The newest version of the record {@code id}, whatever its kind (ids are unique in the tests). */
    Entity current(String id) {
        List<Entity> vs = versionsOf(id);
        return vs.get(vs.size() - 1);
    }

    boolean exists(EntityKind kind, String id) {
        return versions.containsKey(key(kind, id));
    }

    /** How many records there are, retired ones included. */
    int count() {
        return versions.size();
    }

    /** The newest version of every record that is not retired. */
    Stream<Entity> live() {
        return versions.entrySet().stream().filter(e -> !retired.contains(e.getKey()))
                .map(e -> e.getValue().get(e.getValue().size() - 1));
    }

    /** The newest version of a record that is not retired. */
    Entity live(EntityKind kind, String id) {
        Entity e = current(kind, id);
        if (e == null || retired.contains(key(kind, id))) {
            throw new NotFoundException("No " + kind.singular() + " " + id);
        }
        return e;
    }

    Entity version(EntityKind kind, String id, long version) {
        return versionsOf(kind, id).stream().filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + version + " of " + kind.singular() + " " + id));
    }

    void retire(EntityKind kind, String id) {
        retired.add(key(kind, id));
    }

    boolean isRetired(String id) {
        return retired.stream().anyMatch(k -> k.endsWith("/" + id));
    }

    void logged(EntityKind kind, String id, HistoryEntry entry) {
        history.computeIfAbsent(key(kind, id), k -> new ArrayList<>()).add(entry);
    }

    /** The change log of a record, newest first. */
    List<HistoryEntry> history(EntityKind kind, String id) {
        List<HistoryEntry> entries = new ArrayList<>(history.getOrDefault(key(kind, id), List.of()));
        Collections.reverse(entries);
        return entries;
    }

    /** What changed since {@code base} (by whom, when), as a 409 says; empty when that version is unknown here. */
    List<ChangedField> changedSince(EntityKind kind, String id, long base) {
        List<Entity> vs = versionsOf(kind, id);
        Entity from = vs.stream().filter(e -> e.version() == base).findFirst().orElse(null);
        if (from == null) {
            return List.of();
        }
        Entity cur = vs.get(vs.size() - 1);
        List<ChangedField> changed = new ArrayList<>();
        for (String f : cur.values().changedFrom(from.values())) {
            Entity by = lastChangeOf(vs, f);
            changed.add(new ChangedField(f, from.values().get(f), cur.values().get(f), by.updatedBy(), by.updatedAt()));
        }
        return changed;
    }

    private static Entity lastChangeOf(List<Entity> vs, String field) {
        for (int i = vs.size() - 1; i > 0; i--) {
            if (!Objects.equals(vs.get(i).values().get(field), vs.get(i - 1).values().get(field))) {
                return vs.get(i);
            }
        }
        return vs.get(0);
    }

    private List<Entity> versionsOf(EntityKind kind, String id) {
        List<Entity> vs = versions.get(key(kind, id));
        if (vs == null) {
            throw new NotFoundException("No " + kind.singular() + " " + id);
        }
        return vs;
    }

    private List<Entity> versionsOf(String id) {
        return versions.entrySet().stream().filter(e -> e.getKey().endsWith("/" + id)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new NotFoundException("No record " + id));
    }

    private static String key(EntityKind kind, String id) {
        return kind.path() + "/" + id;
    }
}
