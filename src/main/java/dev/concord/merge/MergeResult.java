package dev.concord.merge;

import dev.concord.domain.FieldValues;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a three-way merge of one record's fields.
 *
 * @param merged        every field merged; a conflicting field holds theirs' value (so nothing the other
 *                      writer saved is dropped while a person decides)
 * @param conflicts     fields both sides changed incompatibly, in field order
 * @param fromMine      fields whose merged value includes the agent's change
 * @param fromTheirs    fields whose merged value includes the other writer's change
 */
public record MergeResult(FieldValues merged, List<FieldConflict> conflicts, Set<String> fromMine,
                          Set<String> fromTheirs) {
    public MergeResult {
        conflicts = List.copyOf(conflicts);
        fromMine = Set.copyOf(fromMine);
        fromTheirs = Set.copyOf(fromTheirs);
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }
}
