package dev.concord.sync;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.merge.MergeResult;

/** The three-way merge the coordinator rebases with; {@code ThreeWayMerge::merge} in the product. */
@FunctionalInterface
interface RecordMerger {
    MergeResult merge(EntityKind kind, FieldValues base, FieldValues mine, FieldValues theirs);
}
