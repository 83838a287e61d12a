package dev.concord.sync;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.MergeResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole-field three-way merge for coordinator unit tests, so they test the coordinator and not the
 * text and set rules of the real engine (which the end-to-end tests use).
 */
final class FieldLevelMerge implements RecordMerger {
    @Override
    public MergeResult merge(EntityKind kind, FieldValues base, FieldValues mine, FieldValues theirs) {
        FieldValues merged = theirs;
        List<FieldConflict> conflicts = new ArrayList<>();
        Set<String> fromMine = new HashSet<>();
        Set<String> fromTheirs = new HashSet<>();
        for (FieldSpec f : kind.fields()) {
            Object b = base.get(f.name());
            Object m = mine.get(f.name());
            Object t = theirs.get(f.name());
            boolean mineChanged = !Objects.equals(b, m);
            boolean theirsChanged = !Objects.equals(b, t);
            if (mineChanged && theirsChanged && !Objects.equals(m, t)) {
                conflicts.add(new FieldConflict(f.name(), b, m, t, List.of()));
            } else if (mineChanged) {
                merged = merged.with(f.name(), m);
                fromMine.add(f.name());
            } else if (theirsChanged) {
                fromTheirs.add(f.name());
            }
        }
        return new MergeResult(merged, conflicts, fromMine, fromTheirs);
    }
}
