package dev.concord.merge;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Three-way merge of one record's fields: base (what the agent loaded), mine (the agent's edit) and
 * theirs (the server's current record).
 *
 * <p>Per field: changed by one side only takes that side's value; changed by both to equal values takes
 * that value; changed by both differently is a conflict whose merged value is theirs. Two field types
 * merge further when both sides changed them: tags ({@link FieldType#TAG_SET}) as a set (additions and
 * removals of both sides, never a conflict) and long text ({@link FieldType#LONG_TEXT}) line by line
 * with {@link TextMerge}. Sensitive fields (money, plan, status) never get those rules: a change by both
 * sides to different values is always a conflict.
 *
 * <p>{@link MergeResult#fromMine()} and {@link MergeResult#fromTheirs()} name the fields whose merged
 * value carries that side's change; a conflicting field is in neither, since nobody has decided it yet.
 */
public final class ThreeWayMerge {
    private ThreeWayMerge() {
    }

    /**
     * Merges the three versions of one record of {@code kind}.
     *
     * @throws IllegalArgumentException if a value set holds a field {@code kind} does not have
     */
    public static MergeResult merge(EntityKind kind, FieldValues base, FieldValues mine, FieldValues theirs) {
        Objects.requireNonNull(kind, "kind");
        requireKnownFields(kind, base, "base");
        requireKnownFields(kind, mine, "mine");
        requireKnownFields(kind, theirs, "theirs");
        Map<String, Object> merged = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new java.util.ArrayList<>();
        Set<String> fromMine = new LinkedHashSet<>();
        Set<String> fromTheirs = new LinkedHashSet<>();
        for (FieldSpec spec : kind.fields()) {
            String name = spec.name();
            if (!base.has(name) && !mine.has(name) && !theirs.has(name)) {
                continue;
            }
            FieldMerge field = mergeField(spec, base.get(name), mine.get(name), theirs.get(name));
            merged.put(name, field.value());
            if (field.conflict() != null) {
                conflicts.add(field.conflict());
            }
            if (field.fromMine()) {
                fromMine.add(name);
            }
            if (field.fromTheirs()) {
                fromTheirs.add(name);
            }
        }
        return new MergeResult(FieldValues.of(merged), conflicts, fromMine, fromTheirs);
    }

    /** The merge of one field; {@code conflict} is null when the field merged cleanly. */
    record FieldMerge(Object value, boolean fromMine, boolean fromTheirs, FieldConflict conflict) {
    }

    static FieldMerge mergeField(FieldSpec spec, Object base, Object mine, Object theirs) {
        boolean mineChanged = !same(base, mine);
        boolean theirsChanged = !same(base, theirs);
        if (!mineChanged) {
            return new FieldMerge(theirs, false, theirsChanged, null);
        }
        if (!theirsChanged) {
            return new FieldMerge(mine, true, false, null);
        }
        if (same(mine, theirs)) {
            return new FieldMerge(theirs, true, true, null);
        }
        if (!spec.sensitive() && spec.type() == FieldType.TAG_SET) {
            return new FieldMerge(mergeTags(base, mine, theirs), true, true, null);
        }
        if (!spec.sensitive() && spec.type() == FieldType.LONG_TEXT) {
            TextMergeResult text = TextMerge.merge((String) base, (String) mine, (String) theirs);
            if (text.clean()) {
                return new FieldMerge(text.text(), true, true, null);
            }
            return new FieldMerge(theirs, false, false,
                    new FieldConflict(spec.name(), base, mine, theirs, text.conflicts()));
        }
        return new FieldMerge(theirs, false, false, new FieldConflict(spec.name(), base, mine, theirs, List.of()));
    }

    /** Kept: in base and kept by both. Added: added by either side. */
    private static Set<String> mergeTags(Object base, Object mine, Object theirs) {
        Set<String> b = tags(base);
        Set<String> m = tags(mine);
        Set<String> t = tags(theirs);
        Set<String> out = new TreeSet<>();
        for (String tag : b) {
            if (m.contains(tag) && t.contains(tag)) {
                out.add(tag);
            }
        }
        for (String tag : m) {
            if (!b.contains(tag)) {
                out.add(tag);
            }
        }
        for (String tag : t) {
            if (!b.contains(tag)) {
                out.add(tag);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Set<String> tags(Object value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (Object tag : (Collection<?>) value) {
            out.add((String) tag);
        }
        return out;
    }

    /** Equality of canonical values; amounts compare by value so 5.0 and 5.00 are not a change. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static void requireKnownFields(EntityKind kind, FieldValues values, String which) {
        Objects.requireNonNull(values, which);
        for (String name : values.asMap().keySet()) {
            if (kind.field(name).isEmpty()) {
                throw new IllegalArgumentException(
                        "Field " + name + " in " + which + " is not a field of " + kind.singular());
            }
        }
    }
}
