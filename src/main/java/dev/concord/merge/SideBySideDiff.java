package dev.concord.merge;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A side-by-side line diff of two texts for the conflict dialog: rows tagged like java-diff-utils'
 * {@link DiffRow.Tag}, changed words of a changed row as plain segments, and the changes grouped into
 * hunks so that a person can take each hunk from either side and get the text back with
 * {@link #compose}.
 *
 * <p>Immutable and cheap to build: one line diff (git's, see {@link Edit#between}). Word-level highlighting is computed per row on
 * request ({@link #segments}), so a virtualized list only pays for the rows it shows, which keeps a
 * 10,000-line note quick to open even when every line changed.
 */
public final class SideBySideDiff {

    /** What a row shows: the same line, a line only right has, a line only left has, or a changed line. */
    public enum Tag { EQUAL, INSERT, DELETE, CHANGE }

    /** Which text a hunk is taken from. */
    public enum Side { LEFT, RIGHT }

    /** A run of a line; {@code changed} marks words that differ from the other side (a CSS class in the UI). */
    public record Segment(String text, boolean changed) {
    }

    /**
     * One row. Texts are shown without line terminators; a side with no line here has an empty text and
     * line number 0.
     *
     * @param hunk     index into {@link #hunks()}, or -1 for an EQUAL row
     * @param leftNo   1-based line number in the left text, or 0
     * @param rightNo  1-based line number in the right text, or 0
     */
    public record Row(Tag tag, int hunk, int leftNo, int rightNo, String left, String right) {
    }

    /** The segments of both sides of one row. */
    public record Segments(List<Segment> left, List<Segment> right) {
        public Segments {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /**
     * One change: left lines {@code [leftStart, leftEnd)} stand where right has {@code [rightStart,
     * rightEnd)} (0-based), shown by rows {@code [firstRow, firstRow + rowCount)}.
     */
    public record Hunk(int index, Tag tag, int leftStart, int leftEnd, int rightStart, int rightEnd,
                       int firstRow, int rowCount) {
    }

    // Private-use characters mark changed words in DiffRowGenerator's output; a line pair that itself
    // contains one is shown as changed as a whole rather than mis-split.
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final DiffRowGenerator WORDS = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(Function.identity())
            .oldTag(open -> String.valueOf(open ? OPEN : CLOSE))
            .newTag(open -> String.valueOf(open ? OPEN : CLOSE))
            .build();

    private final List<String> leftLines;
    private final List<String> rightLines;
    private final List<Row> rows;
    private final List<Hunk> hunks;

    private SideBySideDiff(List<String> leftLines, List<String> rightLines, List<Row> rows, List<Hunk> hunks) {
        this.leftLines = leftLines;
        this.rightLines = rightLines;
        this.rows = Collections.unmodifiableList(rows);
        this.hunks = Collections.unmodifiableList(hunks);
    }

    /** Diffs {@code left} against {@code right}; null means empty text. */
    public static SideBySideDiff of(String left, String right) {
        List<String> l = Lines.split(left == null ? "" : left);
        List<String> r = Lines.split(right == null ? "" : right);
        List<Row> rows = new ArrayList<>(Math.max(l.size(), r.size()));
        List<Hunk> hunks = new ArrayList<>();
        int li = 0;
        int ri = 0;
        for (Edit e : Edit.between(l, r)) {
            int leftStart = e.start();
            int rightStart = e.otherStart();
            for (; li < leftStart; li++, ri++) {
                String line = Lines.strip(l.get(li));
                rows.add(new Row(Tag.EQUAL, -1, li + 1, ri + 1, line, line));
            }
            int leftEnd = e.end();
            int rightEnd = e.otherEnd();
            Tag tag = leftStart == leftEnd ? Tag.INSERT : rightStart == rightEnd ? Tag.DELETE : Tag.CHANGE;
            int hunk = hunks.size();
            int firstRow = rows.size();
            // Pair the changed lines in order; the longer side's extra lines are inserts or deletes.
            while (li < leftEnd || ri < rightEnd) {
                boolean hasLeft = li < leftEnd;
                boolean hasRight = ri < rightEnd;
                Tag rowTag = hasLeft && hasRight ? Tag.CHANGE : hasLeft ? Tag.DELETE : Tag.INSERT;
                rows.add(new Row(rowTag, hunk, hasLeft ? li + 1 : 0, hasRight ? ri + 1 : 0,
                        hasLeft ? Lines.strip(l.get(li++)) : "", hasRight ? Lines.strip(r.get(ri++)) : ""));
            }
            hunks.add(new Hunk(hunk, tag, leftStart, leftEnd, rightStart, rightEnd, firstRow, rows.size() - firstRow));
        }
        for (; li < l.size(); li++, ri++) {
            String line = Lines.strip(l.get(li));
            rows.add(new Row(Tag.EQUAL, -1, li + 1, ri + 1, line, line));
        }
        return new SideBySideDiff(l, r, rows, hunks);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Hunk> hunks() {
        return hunks;
    }

    /** The hunk a row belongs to, for "take this hunk" on any of its rows. */
    public Hunk hunkOf(Row row) {
        if (row.hunk() < 0) {
            throw new IllegalArgumentException("Row " + row + " is not part of a change");
        }
        return hunks.get(row.hunk());
    }

    /**
     * The word-level view of a row: for a CHANGE row, the words that differ are marked changed on each
     * side (java-diff-utils' DiffRowGenerator, inline diff by word); an inserted or deleted line is changed
     * as a whole; an equal line is one unchanged segment.
     */
    public static Segments segments(Row row) {
        return switch (row.tag()) {
            case EQUAL -> new Segments(plain(row.left()), plain(row.right()));
            case INSERT -> new Segments(List.of(), whole(row.right()));
            case DELETE -> new Segments(whole(row.left()), List.of());
            case CHANGE -> words(row.left(), row.right());
        };
    }

    /**
     * The text made of left, with each hunk taken from the side chosen for it.
     *
     * @param choices one per hunk, in hunk order
     * @throws IllegalArgumentException if there is not exactly one choice per hunk
     */
    public String compose(List<Side> choices) {
        if (choices.size() != hunks.size()) {
            throw new IllegalArgumentException(
                    "Need one choice per hunk: " + hunks.size() + " hunks, " + choices.size() + " choices");
        }
        List<String> out = new ArrayList<>(Math.max(leftLines.size(), rightLines.size()));
        int li = 0;
        for (Hunk h : hunks) {
            out.addAll(leftLines.subList(li, h.leftStart()));
            Side side = Objects.requireNonNull(choices.get(h.index()), "choice for hunk " + h.index());
            out.addAll(side == Side.LEFT ? leftLines.subList(h.leftStart(), h.leftEnd())
                    : rightLines.subList(h.rightStart(), h.rightEnd()));
            li = h.leftEnd();
        }
        out.addAll(leftLines.subList(li, leftLines.size()));
        return Lines.join(out);
    }

    /** Left with only hunk {@code index} taken from right. */
    public String applyHunk(int index) {
        List<Side> choices = new ArrayList<>(Collections.nCopies(hunks.size(), Side.LEFT));
        choices.set(index, Side.RIGHT);
        return compose(choices);
    }

    private static Segments words(String left, String right) {
        if (hasMarker(left) || hasMarker(right)) {
            return new Segments(whole(left), whole(right));
        }
        DiffRow row = WORDS.generateDiffRows(List.of(left), List.of(right)).get(0);
        return new Segments(parse(row.getOldLine()), parse(row.getNewLine()));
    }

    private static boolean hasMarker(String s) {
        return s.indexOf(OPEN) >= 0 || s.indexOf(CLOSE) >= 0;
    }

    /** Splits a line marked with OPEN/CLOSE around changed words into segments, merging neighbours alike. */
    private static List<Segment> parse(String marked) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean changed = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN || c == CLOSE) {
                boolean next = c == OPEN;
                if (next != changed) {
                    flush(out, run, changed);
                    changed = next;
                }
            } else {
                run.append(c);
            }
        }
        flush(out, run, changed);
        return out;
    }

    private static void flush(List<Segment> out, StringBuilder run, boolean changed) {
        if (run.isEmpty()) {
            return;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).changed() == changed) {
            out.set(last, new Segment(out.get(last).text() + run, changed));
        } else {
            out.add(new Segment(run.toString(), changed));
        }
        run.setLength(0);
    }

    private static List<Segment> plain(String line) {
        return line.isEmpty() ? List.of() : List.of(new Segment(line, false));
    }

    private static List<Segment> whole(String line) {
        return line.isEmpty() ? List.of() : List.of(new Segment(line, true));
    }
}
