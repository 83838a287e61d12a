package dev.concord.ui.live;

import dev.concord.api.ChangeEvent;
import dev.concord.domain.Entity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What moved under one editor since its base: who changed which field, when the latest change was made (on
 * the server's clock), up to which version, and the record as the server has it once fetched. Facts only;
 * the banner words them.
 */
final class RecordMoves {
    /** Field -> who changed it last, in the order the changes arrived. */
    private final Map<String, String> changedBy = new LinkedHashMap<>();
    private final Set<String> actors = new LinkedHashSet<>();
    private long latestVersion;
    private Instant latestAt;
    /** The record as the server has it now, once fetched after an event; null until then. */
    private Entity current;

    /**
     * Takes in a write by someone else; {@code receivedAt} (the server's clock as this console reads it)
     * stands in for an event without its own time.
     */
    void add(ChangeEvent event, Instant receivedAt) {
        latestVersion = Math.max(latestVersion, event.version());
        actors.add(event.actor());
        for (String field : event.fields()) {
            changedBy.remove(field);
            changedBy.put(field, event.actor());
        }
        later(event.at() != null ? event.at() : receivedAt);
    }

    /**
     * Takes in the record as the server has it now ({@code newer} than {@code base}); returns false when it
     * is nothing new. A record newer than any event so far also tells who changed what, and when.
     */
    boolean fetched(Entity newer, Entity base) {
        if (newer == null || newer.version() <= base.version() || (current != null && newer.version() <= current.version())) {
            return false;
        }
        current = newer;
        if (newer.version() > latestVersion) {
            latestVersion = newer.version();
            actors.add(newer.updatedBy());
            for (String field : newer.values().changedFrom(base.values())) {
                changedBy.putIfAbsent(field, newer.updatedBy());
            }
            later(newer.updatedAt());
        }
        return true;
    }

    private void later(Instant at) {
        if (at != null && (latestAt == null || at.isAfter(latestAt))) {
            latestAt = at;
        }
    }

    /** Forgets the fetched record (a refused rebase: it is fetched again when asked). */
    void forgetCurrent() {
        current = null;
    }

    /** Forgets everything: the editor caught up. */
    void clear() {
        changedBy.clear();
        actors.clear();
        latestVersion = 0;
        latestAt = null;
        current = null;
    }

    /** Whether the editor's base at {@code version} caught up with every change seen. */
    boolean caughtUpBy(long version) {
        return version >= latestVersion;
    }

    Map<String, String> changedBy() {
        return Collections.unmodifiableMap(changedBy);
    }

    Set<String> fields() {
        return Collections.unmodifiableSet(changedBy.keySet());
    }

    Set<String> actors() {
        return Collections.unmodifiableSet(actors);
    }

    List<String> actorList() {
        return List.copyOf(actors);
    }

    /** When the latest change was made, on the server's clock; null before any. */
    Instant latestAt() {
        return latestAt;
    }

    Entity current() {
        return current;
    }
}
