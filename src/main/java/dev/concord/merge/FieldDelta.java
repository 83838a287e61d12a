package dev.concord.merge;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a record as the conflict dialog shows it: its three values, what the merge made of it,
 * and who changed it.
 *
 * @param merged the merged value (theirs for a conflict)
 */
public record FieldDelta(FieldSpec spec, Object base, Object mine, Object theirs, Object merged, Change change) {

    /** Who changed a field relative to base, and how the merge came out. */
    public enum Change {
        /** Nobody changed it. */
        UNCHANGED,
        /** Only the agent changed it; the merge takes mine. */
        MINE,
        /** Only the other writer changed it; the merge keeps theirs. */
        THEIRS,
        /** Both changed it to the same value. */
        BOTH_SAME,
        /** Both changed it differently and the merge combined them (tags, separate lines of notes). */
        COMBINED,
        /** Both changed it differently and a person must decide. */
        CONFLICT
    }

    public String field() {
        return spec.name();
    }

    public boolean changed() {
        return change != Change.UNCHANGED;
    }

    public boolean conflict() {
        return change == Change.CONFLICT;
    }

    /** Every field of {@code kind} in field order, with what each side did to it. */
    public static List<FieldDelta> of(EntityKind kind, FieldValues base, FieldValues mine, FieldValues theirs) {
        List<FieldDelta> out = new ArrayList<>();
        for (FieldSpec spec : kind.fields()) {
            String name = spec.name();
            Object b = base.get(name);
            Object m = mine.get(name);
            Object t = theirs.get(name);
            ThreeWayMerge.FieldMerge merge = ThreeWayMerge.mergeField(spec, b, m, t);
            out.add(new FieldDelta(spec, b, m, t, merge.value(), classify(b, m, t, merge)));
        }
        return out;
    }

    private static Change classify(Object base, Object mine, Object theirs, ThreeWayMerge.FieldMerge merge) {
        boolean mineChanged = !ThreeWayMerge.same(base, mine);
        boolean theirsChanged = !ThreeWayMerge.same(base, theirs);
        if (merge.conflict() != null) {
            return Change.CONFLICT;
        }
        if (mineChanged && theirsChanged) {
            return ThreeWayMerge.same(mine, theirs) ? Change.BOTH_SAME : Change.COMBINED;
        }
        if (mineChanged) {
            return Change.MINE;
        }
        return theirsChanged ? Change.THEIRS : Change.UNCHANGED;
    }
}
