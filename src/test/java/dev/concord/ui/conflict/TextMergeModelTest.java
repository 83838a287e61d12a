package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.merge.SideBySideDiff;
import dev.concord.merge.TextRegion;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextMergeModelTest {
    private static final String BASE = "one\ntwo\nthree\nfour\nfive";

    @Test
    void hunksOnlyOneSideChangedAreTakenFromThatSide() {
        TextMergeModel m = new TextMergeModel(BASE, "ONE\ntwo\nthree\nfour\nfive", "one\ntwo\nthree\nfour\nFIVE");

        assertThat(m.hunkCount()).isEqualTo(2);
        assertThat(m.choices()).containsExactly(HunkChoice.MINE, HunkChoice.THEIRS);
        assertThat(m.decision()).isEqualTo(Decision.COMBINED);
        assertThat(m.mergedText()).isEqualTo("ONE\ntwo\nthree\nfour\nFIVE");
    }

    @Test
    void theMergedTextIsBuiltOnceAndBuiltAgainOnlyWhenAChoiceChanges() {
        TextMergeModel m = new TextMergeModel(BASE, "one\ntwo\n3 by alice\nfour\nfive", "one\ntwo\n3 by bob\nfour\nfive");
        String first = m.mergedText();

        // The same text, not joined again: the dialog asks for it on the FX thread when it opens.
        assertThat(m.mergedText()).isSameAs(first);
        m.choose(0, HunkChoice.MINE);
        assertThat(m.mergedText()).isEqualTo("one\ntwo\n3 by alice\nfour\nfive");
        m.chooseAll(HunkChoice.BOTH);
        assertThat(m.mergedText()).isEqualTo("one\ntwo\n3 by bob\n3 by alice\nfour\nfive");
        m.chooseNonConflicting();
        assertThat(m.mergedText()).isEqualTo("one\ntwo\n3 by bob\n3 by alice\nfour\nfive");
    }

    @Test
    void overlappingChangesStartUndecidedShowingTheirs() {
        TextMergeModel m = new TextMergeModel(BASE, "one\ntwo\n3 by alice\nfour\nfive", "one\ntwo\n3 by bob\nfour\nfive");

        assertThat(m.hunkCount()).isEqualTo(1);
        assertThat(m.hunkKind(0)).isEqualTo(TextRegion.Kind.CONFLICT);
        assertThat(m.hunkBase(0)).containsExactly("three");
        assertThat(m.decision()).isEqualTo(Decision.UNDECIDED);
        assertThat(m.mergedText()).isEqualTo("one\ntwo\n3 by bob\nfour\nfive");
    }

    @Test
    void eachHunkCanBeTakenFromEitherSideOrBoth() {
        String mine = "one\ntwo\nmine inserted\nthree\nfour\nfive";
        String theirs = "one\ntwo\ntheirs inserted\nthree\nfour\nfive";
        TextMergeModel m = new TextMergeModel(BASE, mine, theirs);
        assertThat(m.choices()).as("two insertions at one place keep both, like the merge engine")
                .containsExactly(HunkChoice.BOTH);
        assertThat(m.mergedText()).isEqualTo("one\ntwo\ntheirs inserted\nmine inserted\nthree\nfour\nfive");

        m.choose(0, HunkChoice.MINE);
        assertThat(m.mergedText()).isEqualTo(mine);
    }

    @Test
    void choosingOneSideForAllHunksGivesThatSideExactly() {
        String mine = "zero\none\ntwo\nTHREE\nfour";
        String theirs = "one\ntwo\nthree!\nfour\nfive\nsix";
        TextMergeModel m = new TextMergeModel(BASE, mine, theirs);

        m.chooseAll(HunkChoice.MINE);
        assertThat(m.mergedText()).isEqualTo(mine);
        assertThat(m.decision()).isEqualTo(Decision.MINE);
        m.chooseAll(HunkChoice.THEIRS);
        assertThat(m.mergedText()).isEqualTo(theirs);
    }

    @Test
    void everyMixOfChoicesKeepsTheFinalNewlineBothSidesEndWith() {
        // An empty note: you wrote a line, they wrote a blank line; both end with a newline.
        TextMergeModel m = new TextMergeModel("", "a\n", "\n");

        int mixes = (int) Math.pow(3, m.hunkCount());
        for (int mix = 0; mix < mixes; mix++) {
            for (int hunk = 0, rest = mix; hunk < m.hunkCount(); hunk++, rest /= 3) {
                m.choose(hunk, List.of(HunkChoice.MINE, HunkChoice.THEIRS, HunkChoice.BOTH).get(rest % 3));
            }
            assertThat(m.mergedText()).as("choices %s", m.choices()).endsWith("\n");
        }
    }

    @Test
    void changedWordsAreMarkedAndTheRestIsNot() {
        TextMergeModel m = new TextMergeModel("Wants invoices by post.", "Wants invoices by email.", "Wants invoices by fax.");

        DiffLine changed = m.lines().stream().filter(l -> l.kind() == DiffLine.Kind.CHANGED).findFirst().orElseThrow();
        assertThat(changed.mineText()).isEqualTo("Wants invoices by email.");
        assertThat(changed.theirsText()).isEqualTo("Wants invoices by fax.");
        assertThat(changed.segments().left()).filteredOn(SideBySideDiff.Segment::changed)
                .extracting(SideBySideDiff.Segment::text).containsExactly("email");
        assertThat(changed.segments().right()).filteredOn(SideBySideDiff.Segment::changed)
                .extracting(SideBySideDiff.Segment::text).containsExactly("fax");
    }

    @Test
    void rowsNumberEachSideSLinesAndHeadEachHunk() {
        TextMergeModel m = new TextMergeModel(BASE, "one\ntwo\nthree\nfour\nfive\nmine six", "one\nthree\nfour\nfive");

        List<DiffLine> lines = m.lines();
        assertThat(lines).filteredOn(l -> l.kind() == DiffLine.Kind.HUNK_HEADER).hasSize(2);
        assertThat(lines).filteredOn(l -> l.mineNo() > 0).extracting(DiffLine::mineNo).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(lines).filteredOn(l -> l.theirsNo() > 0).extracting(DiffLine::theirsNo).containsExactly(1, 2, 3, 4);
    }

    @Test
    void tenThousandLineNotesKeepEveryLineAndOnlyTheTouchedHunks() {
        String base = IntStream.range(0, 10_000).mapToObj(i -> "line " + i + " of the call log").collect(Collectors.joining("\n"));
        String mine = base.replace("line 10 of", "line ten of");
        String theirs = base.replace("line 9000 of", "line nine thousand of").replace("line 10 of", "line X of");

        TextMergeModel m = new TextMergeModel(base, mine, theirs);

        assertThat(m.hunkCount()).isEqualTo(2);
        assertThat(m.lines()).hasSize(10_002);
        m.choose(0, HunkChoice.MINE);
        assertThat(m.mergedText()).isEqualTo(mine.replace("line 9000 of", "line nine thousand of"));
    }
}
