package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The algebraic laws of the record merge and of the text merge, over generated inputs. */
class MergeLawsProperties {

    @Property(tries = 300)
    void unchangedMineYieldsTheirs(@ForAll EntityKind kind, @ForAll long seed) {
        Random random = new Random(seed);
        FieldValues base = Generated.record(kind, random);
        FieldValues theirs = Generated.change(kind, base, random, 0.5);

        MergeResult r = ThreeWayMerge.merge(kind, base, base, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(theirs);
        assertThat(r.fromMine()).isEmpty();
    }

    @Property(tries = 300)
    void unchangedTheirsYieldsMine(@ForAll EntityKind kind, @ForAll long seed) {
        Random random = new Random(seed);
        FieldValues base = Generated.record(kind, random);
        FieldValues mine = Generated.change(kind, base, random, 0.5);

        MergeResult r = ThreeWayMerge.merge(kind, base, mine, base);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(mine);
        assertThat(r.fromTheirs()).isEmpty();
    }

    @Property(tries = 300)
    void identicalSidesYieldThatSide(@ForAll EntityKind kind, @ForAll long seed) {
        Random random = new Random(seed);
        FieldValues base = Generated.record(kind, random);
        FieldValues both = Generated.change(kind, base, random, 0.5);

        MergeResult r = ThreeWayMerge.merge(kind, base, both, both);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(both);
    }

    @Property(tries = 500)
    void disjointChangedFieldsNeverConflict(@ForAll EntityKind kind, @ForAll long seed) {
        Random random = new Random(seed);
        FieldValues base = Generated.record(kind, random);
        FieldValues mine = Generated.change(kind, base, random, 0.4);
        FieldValues changedByTheirs = Generated.change(kind, base, random, 0.4);
        Set<String> mineFields = mine.changedFrom(base);
        // Theirs only changes fields mine left alone.
        FieldValues theirs = base;
        for (String f : changedByTheirs.changedFrom(base)) {
            if (!mineFields.contains(f)) {
                theirs = theirs.with(f, changedByTheirs.get(f));
            }
        }

        MergeResult r = ThreeWayMerge.merge(kind, base, mine, theirs);

        assertThat(r.conflicts()).isEmpty();
        for (String f : base.asMap().keySet()) {
            Object expected = mineFields.contains(f) ? mine.get(f) : theirs.get(f);
            assertThat(r.merged().get(f)).as(f).isEqualTo(expected);
        }
        assertThat(r.fromMine()).isEqualTo(mineFields);
        assertThat(r.fromTheirs()).isEqualTo(theirs.changedFrom(base));
    }

    @Property(tries = 500)
    void conflictsAreExactlyTheFieldsBothChangedUnmergeably(@ForAll EntityKind kind, @ForAll long seed) {
        Random random = new Random(seed);
        FieldValues base = Generated.record(kind, random);
        FieldValues mine = Generated.change(kind, base, random, 0.5);
        FieldValues theirs = Generated.change(kind, base, random, 0.5);

        MergeResult r = ThreeWayMerge.merge(kind, base, mine, theirs);

        Set<String> bothChanged = new HashSet<>(mine.changedFrom(base));
        bothChanged.retainAll(theirs.changedFrom(base));
        for (FieldConflict c : r.conflicts()) {
            assertThat(bothChanged).contains(c.field());
            assertThat(c.mine()).isNotEqualTo(c.theirs());
            assertThat(r.merged().get(c.field())).isEqualTo(theirs.get(c.field()));
            assertThat(kind.requireField(c.field()).type()).isNotEqualTo(dev.concord.domain.FieldType.TAG_SET);
        }
    }

    @Property(tries = 500)
    void textUnchangedMineYieldsTheirs(@ForAll long seed) {
        Random random = new Random(seed);
        String base = Generated.text(random, 12);
        String theirs = Generated.edit(random, base, "t");

        TextMergeResult r = TextMerge.merge(base, base, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo(theirs);
    }

    @Property(tries = 500)
    void textUnchangedTheirsYieldsMine(@ForAll long seed) {
        Random random = new Random(seed);
        String base = Generated.text(random, 12);
        String mine = Generated.edit(random, base, "m");

        TextMergeResult r = TextMerge.merge(base, mine, base);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo(mine);
    }

    @Property(tries = 500)
    void textIdenticalSidesYieldThatText(@ForAll long seed) {
        Random random = new Random(seed);
        String base = Generated.text(random, 12);
        String both = Generated.edit(random, base, "x");

        TextMergeResult r = TextMerge.merge(base, both, both);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo(both);
    }

    @Property(tries = 500)
    void textConflictsAreReportedConsistently(@ForAll long seed) {
        Random random = new Random(seed);
        String base = Generated.text(random, 12);
        String mine = Generated.edit(random, base, "m");
        String theirs = Generated.edit(random, base, "t");

        TextMergeResult r = TextMerge.merge(base, mine, theirs);

        assertThat(r.clean()).isEqualTo(r.conflicts().isEmpty());
        if (r.clean()) {
            assertThat(r.marked()).isEqualTo(r.text());
        } else {
            assertThat(r.marked()).contains("<<<<<<< mine\n", "=======\n", ">>>>>>> theirs\n");
            int baseLineCount = Lines.split(base).size();
            for (TextHunk h : r.conflicts()) {
                // Hunk lines are shown without terminators, so sides differing only in the final newline
                // look alike; that can only happen in a region reaching the end of the text.
                if (h.mineLines().equals(h.theirsLines())) {
                    assertThat(h.baseStart() + h.baseLines().size()).isEqualTo(baseLineCount);
                }
            }
        }
    }

    @Property(tries = 500)
    void textMergeWithoutInsertCollisionIsSymmetricInItsChanges(@ForAll long seed) {
        Random random = new Random(seed);
        String base = Generated.text(random, 12);
        String mine = Generated.edit(random, base, "m");
        String theirs = Generated.edit(random, base, "t");
        Assume.that(!GitMergeFileTest.hasInsertCollision(base, mine, theirs));

        TextMergeResult forward = TextMerge.merge(base, mine, theirs);
        TextMergeResult backward = TextMerge.merge(base, theirs, mine);

        assertThat(backward.clean()).isEqualTo(forward.clean());
        if (forward.clean()) {
            assertThat(backward.text()).isEqualTo(forward.text());
        }
    }
}
