package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the notes merge that must hold for any three texts, not only the examples in the tests. */
class NotesMergeProperties {

    @Property(tries = 300)
    void lineDiffTurnsTheFirstTextIntoTheSecond(@ForAll("lines") List<String> a, @ForAll("lines") List<String> b) {
        List<String> rebuilt = new ArrayList<>();
        int next = 0;
        for (LineDiff.Delta d : LineDiff.diff(a, b)) {
            assertThat(d.aStart()).isGreaterThanOrEqualTo(next);
            for (int i = next; i < d.aStart(); i++) {
                rebuilt.add(a.get(i));
            }
            rebuilt.addAll(b.subList(d.bStart(), d.bEnd()));
            next = d.aEnd();
        }
        rebuilt.addAll(a.subList(next, a.size()));
        assertThat(rebuilt).isEqualTo(b);
    }

    @Property(tries = 300)
    void takingOneSideForEveryHunkGivesThatSideExactly(@ForAll("text") String base, @ForAll("text") String mine,
                                                       @ForAll("text") String theirs) {
        TextMergeModel model = new TextMergeModel(base, mine, theirs);

        model.chooseAll(HunkChoice.MINE);
        assertThat(model.mergedText()).isEqualTo(mine);
        model.chooseAll(HunkChoice.THEIRS);
        assertThat(model.mergedText()).isEqualTo(theirs);
    }

    @Property(tries = 300)
    void everyLineOfBothSidesIsShownOnceInOrder(@ForAll("text") String base, @ForAll("text") String mine,
                                               @ForAll("text") String theirs) {
        TextMergeModel model = new TextMergeModel(base, mine, theirs);

        List<String> left = model.lines().stream().filter(l -> l.mineNo() > 0).map(DiffLine::mineText).toList();
        List<String> right = model.lines().stream().filter(l -> l.theirsNo() > 0).map(DiffLine::theirsText).toList();
        assertThat(left).isEqualTo(TextRegions.lines(mine));
        assertThat(right).isEqualTo(TextRegions.lines(theirs));
    }

    @Property(tries = 200)
    void nobodyChangedAnythingMeansNoHunks(@ForAll("text") String base) {
        assertThat(new TextMergeModel(base, base, base).hunkCount()).isZero();
    }

    @Provide
    Arbitrary<List<String>> lines() {
        // A tiny alphabet makes repeated and shared lines common, which is where diffs go wrong.
        return Arbitraries.of("a", "b", "c", "d", "", "e f").list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> text() {
        return lines().map(l -> String.join("\n", l));
    }
}
