package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.merge.SideBySideDiff.Row;
import dev.concord.merge.SideBySideDiff.Segment;
import dev.concord.merge.SideBySideDiff.Side;
import dev.concord.merge.SideBySideDiff.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SideBySideDiffTest {
    private static final String LEFT = "keep\nthe quick brown fox\ngone\nend\n";
    private static final String RIGHT = "keep\nthe slow brown fox\nend\nadded\n";

    @Example
    void rowsPairLinesWithTagsAndLineNumbers() {
        SideBySideDiff diff = SideBySideDiff.of(LEFT, RIGHT);

        assertThat(diff.rows()).containsExactly(
                new Row(Tag.EQUAL, -1, 1, 1, "keep", "keep"),
                new Row(Tag.CHANGE, 0, 2, 2, "the quick brown fox", "the slow brown fox"),
                new Row(Tag.DELETE, 0, 3, 0, "gone", ""),
                new Row(Tag.EQUAL, -1, 4, 3, "end", "end"),
                new Row(Tag.INSERT, 1, 0, 4, "", "added"));
        assertThat(diff.hunks()).extracting(SideBySideDiff.Hunk::tag).containsExactly(Tag.CHANGE, Tag.INSERT);
        assertThat(diff.hunkOf(diff.rows().get(2)).firstRow()).isEqualTo(1);
        assertThat(diff.hunkOf(diff.rows().get(2)).rowCount()).isEqualTo(2);
    }

    @Example
    void changedRowsMarkOnlyTheChangedWords() {
        Row row = SideBySideDiff.of(LEFT, RIGHT).rows().get(1);

        SideBySideDiff.Segments s = SideBySideDiff.segments(row);

        assertThat(s.left()).containsExactly(new Segment("the ", false), new Segment("quick", true),
                new Segment(" brown fox", false));
        assertThat(s.right()).containsExactly(new Segment("the ", false), new Segment("slow", true),
                new Segment(" brown fox", false));
    }

    @Example
    void textIsNotHtmlEscaped() {
        Row row = SideBySideDiff.of("a <b> & c\n", "a <i> & c\n").rows().get(0);

        SideBySideDiff.Segments s = SideBySideDiff.segments(row);

        assertThat(s.left()).extracting(Segment::text).containsExactly("a <", "b", "> & c");
        assertThat(s.right()).extracting(Segment::text).containsExactly("a <", "i", "> & c");
    }

    @Example
    void insertedAndDeletedLinesAreChangedAsAWholeAndEqualLinesNotAtAll() {
        List<Row> rows = SideBySideDiff.of(LEFT, RIGHT).rows();

        assertThat(SideBySideDiff.segments(rows.get(0)).left()).containsExactly(new Segment("keep", false));
        assertThat(SideBySideDiff.segments(rows.get(2)).left()).containsExactly(new Segment("gone", true));
        assertThat(SideBySideDiff.segments(rows.get(2)).right()).isEmpty();
        assertThat(SideBySideDiff.segments(rows.get(4)).right()).containsExactly(new Segment("added", true));
    }

    @Example
    void linesHoldingTheMarkerCharactersAreShownChangedAsAWhole() {
        Row row = SideBySideDiff.of("a \uE000 b\n", "a c b\n").rows().get(0);

        assertThat(SideBySideDiff.segments(row).left()).containsExactly(new Segment("a \uE000 b", true));
    }

    @Example
    void takingHunksFromEitherSideRebuildsText() {
        SideBySideDiff diff = SideBySideDiff.of(LEFT, RIGHT);

        assertThat(diff.compose(List.of(Side.RIGHT, Side.LEFT))).isEqualTo("keep\nthe slow brown fox\nend\n");
        assertThat(diff.compose(List.of(Side.LEFT, Side.RIGHT))).isEqualTo(
                "keep\nthe quick brown fox\ngone\nend\nadded\n");
        assertThat(diff.applyHunk(1)).isEqualTo(diff.compose(List.of(Side.LEFT, Side.RIGHT)));
    }

    @Example
    void composeRefusesAWrongNumberOfChoices() {
        SideBySideDiff diff = SideBySideDiff.of(LEFT, RIGHT);

        assertThatThrownBy(() -> diff.compose(List.of(Side.LEFT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 hunks, 1 choices");
    }

    @Property(tries = 300)
    void takingEverySideRebuildsThatTextExactly(@ForAll long seed) {
        Random random = new Random(seed);
        String left = Generated.text(random, 15);
        String right = Generated.edit(random, left, "r");
        SideBySideDiff diff = SideBySideDiff.of(left, right);
        int n = diff.hunks().size();

        assertThat(diff.compose(Collections.nCopies(n, Side.LEFT))).isEqualTo(left);
        assertThat(diff.compose(Collections.nCopies(n, Side.RIGHT))).isEqualTo(right);
    }

    @Property(tries = 300)
    void rowsShowEveryLineOfBothTextsInOrder(@ForAll long seed) {
        Random random = new Random(seed);
        String left = Generated.text(random, 15);
        String right = Generated.edit(random, left, "r");
        SideBySideDiff diff = SideBySideDiff.of(left, right);

        List<String> leftShown = new ArrayList<>();
        List<String> rightShown = new ArrayList<>();
        for (Row row : diff.rows()) {
            if (row.leftNo() > 0) {
                assertThat(row.leftNo()).isEqualTo(leftShown.size() + 1);
                leftShown.add(row.left());
            }
            if (row.rightNo() > 0) {
                assertThat(row.rightNo()).isEqualTo(rightShown.size() + 1);
                rightShown.add(row.right());
            }
            SideBySideDiff.Segments s = SideBySideDiff.segments(row);
            assertThat(String.join("", s.left().stream().map(Segment::text).toList())).isEqualTo(row.left());
            assertThat(String.join("", s.right().stream().map(Segment::text).toList())).isEqualTo(row.right());
            assertThat(row.hunk() < 0).isEqualTo(row.tag() == Tag.EQUAL);
        }
        assertThat(leftShown).isEqualTo(Lines.stripAll(Lines.split(left)));
        assertThat(rightShown).isEqualTo(Lines.stripAll(Lines.split(right)));
    }
}
