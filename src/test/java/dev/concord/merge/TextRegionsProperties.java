package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Laws of {@link TextMerge#regions} for any three texts. */
class TextRegionsProperties {

    @Property(tries = 500)
    void theRegionsRebuildEachOfTheThreeTextsExactly(@ForAll long seed) {
        Texts t = Texts.random(seed);

        List<TextRegion> regions = TextMerge.regions(t.base, t.mine, t.theirs);

        assertThat(join(regions, TextRegion::baseLines)).isEqualTo(t.base);
        assertThat(join(regions, TextRegion::mineLines)).isEqualTo(t.mine);
        assertThat(join(regions, TextRegion::theirsLines)).isEqualTo(t.theirs);
        int at = 0;
        for (TextRegion r : regions) {
            assertThat(r.baseStart()).isEqualTo(at);
            at += r.baseLines().size();
        }
    }

    @Property(tries = 500)
    void eachRegionIsOfTheKindItsLinesShow(@ForAll long seed) {
        Texts t = Texts.random(seed);

        for (TextRegion r : TextMerge.regions(t.base, t.mine, t.theirs)) {
            switch (r.kind()) {
                case SAME -> assertThat(r.mineLines()).isEqualTo(r.baseLines()).isEqualTo(r.theirsLines());
                case MINE_ONLY -> assertThat(r.theirsLines()).isEqualTo(r.baseLines()).isNotEqualTo(r.mineLines());
                case THEIRS_ONLY -> assertThat(r.mineLines()).isEqualTo(r.baseLines()).isNotEqualTo(r.theirsLines());
                case BOTH_SAME -> assertThat(r.mineLines()).isEqualTo(r.theirsLines()).isNotEqualTo(r.baseLines());
                case BOTH_INSERTED -> assertThat(r.baseLines()).isEmpty();
                case CONFLICT -> assertThat(r.mineLines()).isNotEqualTo(r.theirsLines());
            }
        }
    }

    @Property(tries = 500)
    void theCleanRegionsAgreeWithTheMerge(@ForAll long seed) {
        Texts t = Texts.random(seed);

        List<TextRegion> regions = TextMerge.regions(t.base, t.mine, t.theirs);
        TextMergeResult merged = TextMerge.merge(t.base, t.mine, t.theirs);

        assertThat(join(regions, TextRegion::mergedLines)).isEqualTo(merged.text());
        List<TextRegion> conflicts = regions.stream().filter(r -> r.kind() == TextRegion.Kind.CONFLICT).toList();
        assertThat(merged.clean()).isEqualTo(conflicts.isEmpty());
        assertThat(merged.conflicts()).extracting(TextHunk::baseStart)
                .containsExactlyElementsOf(conflicts.stream().map(TextRegion::baseStart).toList());
    }

    private static String join(List<TextRegion> regions, Function<TextRegion, List<String>> side) {
        List<String> lines = new ArrayList<>();
        regions.forEach(r -> lines.addAll(side.apply(r)));
        return String.join("", lines);
    }

    private record Texts(String base, String mine, String theirs) {
        static Texts random(long seed) {
            Random random = new Random(seed);
            String base = Generated.text(random, 12);
            // Now and then a side is written from scratch, not edited, so regions span most of the text.
            String mine = random.nextInt(5) == 0 ? Generated.text(random, 12) : Generated.edit(random, base, "m");
            String theirs = random.nextInt(5) == 0 ? Generated.text(random, 12) : Generated.edit(random, base, "t");
            return new Texts(base, mine, theirs);
        }
    }
}
