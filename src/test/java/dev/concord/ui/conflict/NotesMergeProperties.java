package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.merge.TextMerge;
import dev.concord.merge.TextMergeResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the notes merge that must hold for any three texts, not only the examples in the tests. */
class NotesMergeProperties {

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
        assertThat(left).isEqualTo(shownLines(mine));
        assertThat(right).isEqualTo(shownLines(theirs));
    }

    @Property(tries = 300)
    void theChoicesItStartsWithGiveTheMergeEnginesText(@ForAll("text") String base, @ForAll("text") String mine,
                                                       @ForAll("text") String theirs) {
        TextMergeModel model = new TextMergeModel(base, mine, theirs);
        TextMergeResult merged = TextMerge.merge(base, mine, theirs);

        assertThat(model.allDecided()).isEqualTo(merged.clean());
        assertThat(model.mergedText()).isEqualTo(merged.text());
    }

    @Property(tries = 300)
    void anyChoicesKeepAFinalNewlineBothSidesHave(@ForAll("text") String base, @ForAll("text") String mine,
                                                 @ForAll("text") String theirs, @ForAll("choices") List<HunkChoice> picks) {
        TextMergeModel model = new TextMergeModel(base, mine + "\n", theirs + "\n");
        for (int hunk = 0; hunk < model.hunkCount(); hunk++) {
            model.choose(hunk, picks.get(hunk % picks.size()));
        }

        assertThat(model.mergedText()).endsWith("\n");
    }

    @Property(tries = 200)
    void nobodyChangedAnythingMeansNoHunks(@ForAll("text") String base) {
        assertThat(new TextMergeModel(base, base, base).hunkCount()).isZero();
    }

    /** A text's lines as the diff shows them: without terminators, no empty row after a final newline. */
    private static List<String> shownLines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return text.isEmpty() ? List.of() : List.of(body.split("\n", -1));
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

    @Provide
    Arbitrary<List<HunkChoice>> choices() {
        return Arbitraries.of(HunkChoice.MINE, HunkChoice.THEIRS, HunkChoice.BOTH).list().ofMinSize(1).ofMaxSize(6);
    }
}
