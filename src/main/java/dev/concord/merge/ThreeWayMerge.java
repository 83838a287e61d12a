package dev.concord.merge;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;

/** Three-way merge of one record's fields (see the rules on each field type in the implementation). */
public final class ThreeWayMerge {
    private ThreeWayMerge() {
    }

    public static MergeResult merge(EntityKind kind, FieldValues base, FieldValues mine, FieldValues theirs) {
        throw new UnsupportedOperationException("merge engine not built yet");
    }
}
