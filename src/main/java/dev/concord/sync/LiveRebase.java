package dev.concord.sync;

import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.MergeResult;
import dev.concord.merge.ThreeWayMerge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves an open edit onto a newer copy of its record before it is saved: three-way merges the agent's
 * unsaved values onto the current record. Clean: the edit's new base is the current record and the
 * agent's remaining changes are the merged values that differ from it. A true conflict rebases nothing,
 * so the save still carries the old base and the conflict dialog decides.
 */
public final class LiveRebase {
    private LiveRebase() {
    }

    /** The outcome; {@code edits} is empty and {@code conflicts} is not when the rebase was refused. */
    public record Result(Entity newBase, Map<String, Object> edits, List<String> conflicts) {
        public Result {
            edits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(edits));
            conflicts = List.copyOf(conflicts);
        }

        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    /**
     * @param base    the record the edit was made on
     * @param mine    every field as the agent has it now
     * @param current the record on the server now
     */
    public static Result rebase(Entity base, FieldValues mine, Entity current) {
        Objects.requireNonNull(current, "current");
        if (!base.id().equals(current.id()) || base.kind() != current.kind()) {
            throw new IllegalArgumentException("Cannot rebase " + base.id() + " onto " + current.id());
        }
        MergeResult merge = ThreeWayMerge.merge(base.kind(), base.values(), mine, current.values());
        if (!merge.clean()) {
            return new Result(base, Map.of(), merge.conflicts().stream().map(FieldConflict::field).toList());
        }
        Map<String, Object> edits = new LinkedHashMap<>();
        merge.merged().asMap().forEach((field, value) -> {
            if (!Objects.equals(value, current.values().get(field))) {
                edits.put(field, value);
            }
        });
        return new Result(current, edits, List.of());
    }
}
