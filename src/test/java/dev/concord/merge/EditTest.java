package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The line diff under the merge (git's xdiff), including texts that differ a lot. Like git's it is a
 * shortest diff while the texts differ in fewer lines than its cost limit (256 differences, more for long
 * texts); beyond that it may give up a little length to stay near-linear.
 */
class EditTest {

    @Property(tries = 60)
    void editsRebuildTheOtherTextAndAreShortestBelowTheCostLimit(
            @ForAll @IntRange(min = 0, max = 900) int lines, @ForAll @IntRange(min = 0, max = 100) int rewritePercent,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<String> base = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            // A small alphabet makes lines repeat, so there are many common subsequences to choose from.
            String line = "line " + random.nextInt(40) + "\n";
            base.add(line);
            if (random.nextInt(100) >= rewritePercent) {
                other.add(line);
            } else if (random.nextBoolean()) {
                other.add("rewritten " + random.nextInt(1000) + "\n");
            }
            if (random.nextInt(100) < rewritePercent / 4) {
                other.add("inserted " + random.nextInt(60) + "\n");
            }
        }

        List<Edit> edits = Edit.between(base, other);

        List<String> rebuilt = new ArrayList<>();
        int at = 0;
        int unchanged = 0;
        for (Edit e : edits) {
            assertThat(e.start()).isGreaterThanOrEqualTo(at);
            assertThat(e.otherStart()).isEqualTo(rebuilt.size() + (e.start() - at));
            unchanged += e.start() - at;
            rebuilt.addAll(base.subList(at, e.start()));
            rebuilt.addAll(e.lines());
            at = e.end();
        }
        unchanged += base.size() - at;
        rebuilt.addAll(base.subList(at, base.size()));
        assertThat(rebuilt).isEqualTo(other);
        int shortest = plainUnchanged(base, other);
        if (base.size() + other.size() - 2 * shortest < 200) {
            assertThat(unchanged).isEqualTo(shortest);
        } else {
            assertThat(unchanged).isLessThanOrEqualTo(shortest);
        }
    }

    @Property(tries = 300)
    void editsOfShortTextsOfRepeatedLinesRebuildTheOtherText(@ForAll("lines") List<String> base,
                                                              @ForAll("lines") List<String> other) {
        List<String> rebuilt = new ArrayList<>();
        int at = 0;
        for (Edit e : Edit.between(base, other)) {
            assertThat(e.start()).isGreaterThanOrEqualTo(at);
            rebuilt.addAll(base.subList(at, e.start()));
            rebuilt.addAll(e.lines());
            at = e.end();
        }
        rebuilt.addAll(base.subList(at, base.size()));
        assertThat(rebuilt).isEqualTo(other);
    }

    @Provide
    Arbitrary<List<String>> lines() {
        // A tiny alphabet makes repeated and shared lines common, which is where diffs go wrong.
        return Arbitraries.of("a\n", "b\n", "c\n", "\n", "e f\n", "a").list().ofMaxSize(12);
    }

    private static int plainUnchanged(List<String> base, List<String> other) {
        int changed = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(base, other).getDeltas()) {
            changed += d.getSource().size();
        }
        return base.size() - changed;
    }
}
