package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Nothing is lost and nothing doubles: the conservation laws of a clean text merge, counted per line value
 * over line occurrences as the merge's own diffs see them. Small alphabets make lines repeat and blank
 * lines common, which is where merges used to duplicate or drop lines. Lines are compared without their
 * newline, since a side's last line may lack it and gains one when lines follow it in the merge.
 */
class TextConservationProperties {

    @Property(tries = 1000)
    void everyLineOfACleanMergeComesFromMineOrTheirs(@ForAll long seed) {
        Sides s = Sides.random(seed);
        TextMergeResult r = TextMerge.merge(s.base, s.mine, s.theirs);
        Assume.that(r.clean());

        Map<String, Integer> mine = counts(Lines.split(s.mine));
        Map<String, Integer> theirs = counts(Lines.split(s.theirs));
        for (String line : counts(Lines.split(r.text())).keySet()) {
            assertThat(mine.containsKey(line) || theirs.containsKey(line)).as(line).isTrue();
        }
    }

    @Property(tries = 1000)
    void everyAddedLineIsPresentAndEveryLineBothKeptIsThereOnce(@ForAll long seed) {
        Sides s = Sides.random(seed);
        TextMergeResult r = TextMerge.merge(s.base, s.mine, s.theirs);
        Assume.that(r.clean());
        Occurrences o = Occurrences.of(s.base, s.mine, s.theirs);

        Map<String, Integer> merged = counts(Lines.split(r.text()));
        for (String line : union(merged, o.keptByBoth, o.addedByMine, o.addedByTheirs)) {
            int kept = o.keptByBoth.getOrDefault(line, 0);
            int mine = o.addedByMine.getOrDefault(line, 0);
            int theirs = o.addedByTheirs.getOrDefault(line, 0);
            int got = merged.getOrDefault(line, 0);
            assertThat(got).as("occurrences of %s: kept by both %d, added by mine %d, by theirs %d",
                    line, kept, mine, theirs)
                    .isGreaterThanOrEqualTo(kept + Math.max(mine, theirs))
                    .isLessThanOrEqualTo(kept + mine + theirs);
        }
    }

    @Property(tries = 1000)
    void aLineNobodyAddedIsKeptOnceOrDeletedOnce(@ForAll long seed) {
        Sides s = Sides.random(seed);
        TextMergeResult r = TextMerge.merge(s.base, s.mine, s.theirs);
        Assume.that(r.clean());
        Occurrences o = Occurrences.of(s.base, s.mine, s.theirs);

        Map<String, Integer> merged = counts(Lines.split(r.text()));
        for (String line : counts(Lines.split(s.base)).keySet()) {
            if (!o.addedByMine.containsKey(line) && !o.addedByTheirs.containsKey(line) && !o.contested.contains(line)) {
                // Kept by both: there once; deleted by either: gone, and no other occurrence with it.
                assertThat(merged.getOrDefault(line, 0)).as(line).isEqualTo(o.keptByBoth.getOrDefault(line, 0));
            }
        }
    }

    @Property(tries = 500)
    void unchangedOrIdenticalSidesGiveTheChangedText(@ForAll long seed) {
        Sides s = Sides.random(seed);

        assertThat(TextMerge.merge(s.base, s.base, s.theirs).text()).isEqualTo(s.theirs);
        assertThat(TextMerge.merge(s.base, s.mine, s.base).text()).isEqualTo(s.mine);
        TextMergeResult same = TextMerge.merge(s.base, s.mine, s.mine);
        assertThat(same.clean()).isTrue();
        assertThat(same.text()).isEqualTo(s.mine);
    }

    @Example
    void anInsertionBothSidesMadeAppearsOnceWhereTheDiffsCouldPlaceItApart() {
        // Found on real merges: the two diffs anchored the same insertion one line apart, so it came out twice.
        TextMergeResult r = TextMerge.merge("A\n\nC\n", "A\n\nX\n\nC\nE\n", "Z\nA\n\nX\n\nC\n");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("Z\nA\n\nX\n\nC\nE\n");
    }

    @Example
    void simultaneousInsertionsShareTheirCommonLines() {
        TextMergeResult r = TextMerge.merge("a\nb\n", "a\nNote 1\nNote 2\nb\n", "a\nNote 1\nb\n");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("a\nNote 1\nNote 2\nb\n");
    }

    @Example
    void twoNotesWrittenAtOnceFromNothingAreMergedLineByLine() {
        String mine = "Called customer\nRefund approved\nFollow up Monday\n";
        String theirs = "Called customer\nRefund pending\nFollow up Monday\n";

        TextMergeResult r = TextMerge.merge("", mine, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("Called customer\nRefund pending\nRefund approved\nFollow up Monday\n");
    }

    @Example
    void bothDeletingOneCopyOfARepeatedLineDeletesOne() {
        String base = "x\n- call back\n- call back\n- call back\ny\n";
        String oneLess = "x\n- call back\n- call back\ny\n";

        TextMergeResult r = TextMerge.merge(base, oneLess, oneLess);

        assertThat(r.text()).isEqualTo(oneLess);
        TextMergeResult apart = TextMerge.merge(base + "z\n", "x\n- call back\n- call back\ny\nz\n",
                "x\n- call back\n- call back\n- call back\ny\nZ\n");
        assertThat(apart.clean()).isTrue();
        assertThat(apart.text()).isEqualTo("x\n- call back\n- call back\ny\nZ\n");
    }

    @Example
    void overlappingChangesThatEndInTheSameTextKeepThatTextOnce() {
        // Found by the law above (seed -7057): mine deletes one "  indented", theirs another, and both
        // rewrite the lines around them into the same text. git takes that common text once, as the merge
        // does (merge(b, x, x) = x for the region); counting occurrences diff by diff would demand none.
        String base = "refund\na b\nrefund\n  indented\na\n  indented\n  indented\n\nrefund\na b\nrefund\n";
        String mine = "  indented\ncall back\nc\nb\na b\nrefund\nrefund\n";
        String theirs = "  indented\ncall back\nc\nb\na b\nrefund\nt1 ";

        TextMergeResult r = TextMerge.merge(base, mine, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("  indented\ncall back\nc\nb\na b\nrefund\nt1 \nrefund\n");
    }

    /**
     * Line occurrences by what the two diffs did to them, counted per line value. {@code contested} holds the
     * values with an occurrence where the two sides' changes overlap or touch: there the merge compares the
     * sides' texts region by region (identical texts are taken once), so which occurrence a diff called
     * kept or deleted does not decide the count, and the per-occurrence law does not apply.
     */
    private record Occurrences(Map<String, Integer> keptByBoth, Map<String, Integer> addedByMine,
                               Map<String, Integer> addedByTheirs, java.util.Set<String> contested) {
        static Occurrences of(String base, String mine, String theirs) {
            List<String> b = Lines.split(base);
            boolean[] changed = new boolean[b.size()];
            Map<String, Integer> addedByMine = new HashMap<>();
            Map<String, Integer> addedByTheirs = new HashMap<>();
            List<Edit> mineEdits = Edit.between(b, Lines.split(mine));
            List<Edit> theirsEdits = Edit.between(b, Lines.split(theirs));
            for (Edit e : mineEdits) {
                mark(changed, e);
                e.lines().forEach(l -> addedByMine.merge(Lines.strip(l), 1, Integer::sum));
            }
            for (Edit e : theirsEdits) {
                mark(changed, e);
                e.lines().forEach(l -> addedByTheirs.merge(Lines.strip(l), 1, Integer::sum));
            }
            Map<String, Integer> kept = new HashMap<>();
            for (int i = 0; i < b.size(); i++) {
                if (!changed[i]) {
                    kept.merge(Lines.strip(b.get(i)), 1, Integer::sum);
                }
            }
            java.util.Set<String> contested = new java.util.HashSet<>();
            for (Edit m : mineEdits) {
                for (Edit t : theirsEdits) {
                    if (m.start() <= t.end() && t.start() <= m.end()) {
                        for (int i = Math.min(m.start(), t.start()); i < Math.max(m.end(), t.end()); i++) {
                            contested.add(Lines.strip(b.get(i)));
                        }
                    }
                }
            }
            return new Occurrences(kept, addedByMine, addedByTheirs, contested);
        }

        private static void mark(boolean[] changed, Edit e) {
            for (int i = e.start(); i < e.end(); i++) {
                changed[i] = true;
            }
        }
    }

    private record Sides(String base, String mine, String theirs) {
        static Sides random(long seed) {
            Random random = new Random(seed);
            String base = random.nextInt(10) == 0 ? "" : Generated.text(random, 12);
            String mine = random.nextInt(6) == 0 ? Generated.text(random, 12) : Generated.edit(random, base, "m");
            String theirs = random.nextInt(4) == 0 ? Generated.edit(random, mine, "t")
                    : random.nextInt(6) == 0 ? Generated.text(random, 12) : Generated.edit(random, base, "t");
            return new Sides(base, mine, theirs);
        }
    }

    private static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> out = new HashMap<>();
        lines.forEach(l -> out.merge(Lines.strip(l), 1, Integer::sum));
        return out;
    }

    @SafeVarargs
    private static java.util.Set<String> union(Map<String, Integer>... maps) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Map<String, Integer> m : maps) {
            out.addAll(m.keySet());
        }
        return out;
    }
}
