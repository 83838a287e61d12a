package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMergeTest {
    private static final String BASE = "one\ntwo\nthree\nfour\nfive\n";

    @Test
    void editsToDifferentRegionsMergeCleanly() {
        TextMergeResult r = TextMerge.merge(BASE, "ONE\ntwo\nthree\nfour\nfive\n", "one\ntwo\nthree\nfour\nFIVE\n");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("ONE\ntwo\nthree\nfour\nFIVE\n");
        assertThat(r.marked()).isEqualTo(r.text());
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void bothSidesInsertingAtTheSamePlaceKeepsBothTheirsFirst() {
        TextMergeResult r = TextMerge.merge(BASE, "one\ntwo\nmine\nthree\nfour\nfive\n",
                "one\ntwo\ntheirs\nthree\nfour\nfive\n");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("one\ntwo\ntheirs\nmine\nthree\nfour\nfive\n");
    }

    @Test
    void insertionsAtTheEndOfTextWithoutFinalNewlineStaySeparateLines() {
        TextMergeResult r = TextMerge.merge("a\n", "a\nmine", "a\ntheirs");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("a\ntheirs\nmine");
    }

    @Test
    void identicalChangesOnBothSidesAreNotAConflict() {
        String both = "one\nTWO\nthree\nfour\nfive\n";

        TextMergeResult r = TextMerge.merge(BASE, both, both);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo(both);
    }

    @Test
    void overlappingChangesConflictWithTheHunkAndKeepTheirsInTheText() {
        TextMergeResult r = TextMerge.merge(BASE, "one\ntwo\nmy three\nfour\nfive\n",
                "one\ntwo\ntheir three\ntheir four\nfive\n");

        assertThat(r.clean()).isFalse();
        assertThat(r.conflicts()).containsExactly(new TextHunk(2, List.of("three", "four"),
                List.of("my three", "four"), List.of("their three", "their four")));
        assertThat(r.text()).isEqualTo("one\ntwo\ntheir three\ntheir four\nfive\n");
        assertThat(r.marked()).isEqualTo("one\ntwo\n<<<<<<< mine\nmy three\nfour\n=======\n"
                + "their three\ntheir four\n>>>>>>> theirs\nfive\n");
    }

    @Test
    void nonConflictingChangesAreAppliedAroundAConflict() {
        TextMergeResult r = TextMerge.merge(BASE, "ONE\ntwo\nmine\nfour\nfive\n", "one\ntwo\ntheirs\nfour\nFIVE\n");

        assertThat(r.clean()).isFalse();
        assertThat(r.text()).isEqualTo("ONE\ntwo\ntheirs\nfour\nFIVE\n");
        assertThat(r.conflicts()).hasSize(1);
    }

    @Test
    void touchingEditsConflictAsInGit() {
        // git merge-file treats edits to adjacent lines as one region; so do we, so that clean results agree.
        TextMergeResult r = TextMerge.merge(BASE, "one\nTWO\nthree\nfour\nfive\n", "one\ntwo\nTHREE\nfour\nfive\n");

        assertThat(r.clean()).isFalse();
        assertThat(r.conflicts().get(0).baseLines()).containsExactly("two", "three");
    }

    @Test
    void conflictMarkersStartALineWhenASideLacksTheFinalNewline() {
        TextMergeResult r = TextMerge.merge("a\nb\n", "a\nmine", "a\ntheirs");

        assertThat(r.marked()).isEqualTo("a\n<<<<<<< mine\nmine\n=======\ntheirs\n>>>>>>> theirs\n");
        assertThat(r.text()).isEqualTo("a\ntheirs");
    }

    @Test
    void finalNewlineAddedByOneSideMergesWithAnEditElsewhere() {
        TextMergeResult r = TextMerge.merge("a\nb\nc", "a\nb\nc\n", "A\nb\nc");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("A\nb\nc\n");
    }

    @Test
    void nullTextIsEmpty() {
        TextMergeResult r = TextMerge.merge(null, "mine\n", null);

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("mine\n");
    }

    @Test
    void deletionOnOneSideAndEditElsewhereMerge() {
        TextMergeResult r = TextMerge.merge(BASE, "one\nthree\nfour\nfive\n", "one\ntwo\nthree\nfour\nfive\nsix\n");

        assertThat(r.clean()).isTrue();
        assertThat(r.text()).isEqualTo("one\nthree\nfour\nfive\nsix\n");
    }
}
