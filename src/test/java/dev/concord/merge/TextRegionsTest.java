package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TextMerge#regions}: the three-way walk both the merge and the conflict dialog's notes merge use. */
class TextRegionsTest {
    private static final String BASE = "one\ntwo\nthree\nfour\nfive\n";

    @Test
    void changesOfEachSideBecomeRegionsBetweenUntouchedStretches() {
        List<TextRegion> regions = TextMerge.regions(BASE, "ONE\ntwo\nthree\nfour\nfive\n",
                "one\ntwo\nthree\nfour\nFIVE\n");

        assertThat(regions).containsExactly(
                new TextRegion(TextRegion.Kind.MINE_ONLY, 0, List.of("one\n"), List.of("ONE\n"), List.of("one\n")),
                new TextRegion(TextRegion.Kind.SAME, 1, List.of("two\n", "three\n", "four\n"),
                        List.of("two\n", "three\n", "four\n"), List.of("two\n", "three\n", "four\n")),
                new TextRegion(TextRegion.Kind.THEIRS_ONLY, 4, List.of("five\n"), List.of("five\n"),
                        List.of("FIVE\n")));
    }

    @Test
    void changesThatTouchFormOneConflictingRegion() {
        List<TextRegion> regions = TextMerge.regions(BASE, "one\ntwo\nTHREE\nfour\nfive\n",
                "one\ntwo\nthree\nFOUR\nfive\n");

        assertThat(regions).filteredOn(TextRegion::changed).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(TextRegion.Kind.CONFLICT);
            assertThat(r.baseStart()).isEqualTo(2);
            assertThat(r.baseLines()).containsExactly("three\n", "four\n");
            assertThat(r.mineLines()).containsExactly("THREE\n", "four\n");
            assertThat(r.theirsLines()).containsExactly("three\n", "FOUR\n");
        });
    }

    @Test
    void theSameChangeOnBothSidesIsBothSame() {
        String both = "one\nTWO\nthree\nfour\nfive\n";

        assertThat(TextMerge.regions(BASE, both, both)).extracting(TextRegion::kind)
                .containsExactly(TextRegion.Kind.SAME, TextRegion.Kind.BOTH_SAME, TextRegion.Kind.SAME);
    }

    @Test
    void twoInsertionsAtOnePlaceAreKeptBothTheirsFirst() {
        TextRegion r = TextMerge.regions("a\n", "a\nmine", "a\ntheirs").get(1);

        assertThat(r.kind()).isEqualTo(TextRegion.Kind.BOTH_INSERTED);
        assertThat(r.baseLines()).isEmpty();
        assertThat(r.both()).as("theirs' last line gets a newline so it does not fuse with mine")
                .containsExactly("theirs\n", "mine");
        assertThat(r.mergedLines()).isEqualTo(r.both());
    }

    @Test
    void aConflictMergesToTheirsLines() {
        TextRegion r = TextMerge.regions("x\n", "mine\n", "theirs\n").get(0);

        assertThat(r.kind()).isEqualTo(TextRegion.Kind.CONFLICT);
        assertThat(r.mergedLines()).containsExactly("theirs\n");
    }

    @Test
    void emptyAndNullTextsHaveNoRegions() {
        assertThat(TextMerge.regions(null, "", null)).isEmpty();
    }

    @Test
    void aChangedFinalNewlineIsAChangeOfTheLastLine() {
        List<TextRegion> regions = TextMerge.regions("a\nb", "a\nb\n", "a\nb");

        assertThat(regions.get(1)).isEqualTo(new TextRegion(TextRegion.Kind.MINE_ONLY, 1, List.of("b"),
                List.of("b\n"), List.of("b")));
    }
}
