package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-level three-way merge (diff3) of long text such as notes.
 *
 * <p>The two diffs base&rarr;mine and base&rarr;theirs come from java-diff-utils. Changes are grouped into
 * regions the way git's xdiff does: changes of the two sides that overlap <em>or touch</em> in the base
 * form one region. A region changed by one side only takes that side's lines. A region changed by both
 * is clean when both sides end up with the same lines there; when both sides only inserted lines at the
 * same base position, both insertions are kept, theirs first; anything else is a conflict. With this
 * grouping a clean result is byte for byte what {@code git merge-file -p mine base theirs} prints
 * (touching edits conflict there too), apart from the insert-insert rule, where git reports a conflict.
 */
public final class TextMerge {
    private static final String MINE_MARKER = "<<<<<<< mine\n";
    private static final String SEPARATOR = "=======\n";
    private static final String THEIRS_MARKER = ">>>>>>> theirs\n";

    private TextMerge() {
    }

    /** Merges {@code mine} and {@code theirs}, both derived from {@code base}. Null means empty text. */
    public static TextMergeResult merge(String base, String mine, String theirs) {
        Output out = new Output(Math.max(orEmpty(mine).length(), orEmpty(theirs).length()));
        List<TextHunk> conflicts = new ArrayList<>();
        for (TextRegion r : regions(base, mine, theirs)) {
            if (r.kind() == TextRegion.Kind.CONFLICT) {
                conflicts.add(new TextHunk(r.baseStart(), Lines.stripAll(r.baseLines()),
                        Lines.stripAll(r.mineLines()), Lines.stripAll(r.theirsLines())));
                out.conflict(r.mineLines(), r.theirsLines());
            } else {
                out.lines(r.mergedLines());
            }
        }
        String merged = out.text.toString();
        return new TextMergeResult(merged, conflicts.isEmpty(), conflicts,
                out.marked == null ? merged : out.marked.toString());
    }

    /**
     * The three texts cut into aligned regions, in text order: stretches neither side changed and, between
     * them, the regions {@link #merge} decides one by one, each with the kind of change it is. Null means
     * empty text. Each side's lines over all regions give that text back exactly.
     */
    public static List<TextRegion> regions(String base, String mine, String theirs) {
        List<String> baseLines = Lines.split(orEmpty(base));
        List<String> mineLines = Lines.split(orEmpty(mine));
        List<String> theirsLines = Lines.split(orEmpty(theirs));
        List<Edit> mineEdits = Edit.between(baseLines, mineLines);
        List<Edit> theirsEdits = Edit.between(baseLines, theirsLines);

        List<TextRegion> regions = new ArrayList<>();
        int cursor = 0;
        int a = 0;
        int b = 0;
        while (a < mineEdits.size() || b < theirsEdits.size()) {
            // Open a region at the earlier change, then pull in every change of either side that overlaps
            // or touches it (start <= region end), as xdiff does.
            int a0 = a;
            int b0 = b;
            int start;
            int end;
            if (startOf(mineEdits, a) <= startOf(theirsEdits, b)) {
                start = mineEdits.get(a).start();
                end = mineEdits.get(a++).end();
            } else {
                start = theirsEdits.get(b).start();
                end = theirsEdits.get(b++).end();
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                if (a < mineEdits.size() && mineEdits.get(a).start() <= end) {
                    end = Math.max(end, mineEdits.get(a++).end());
                    grew = true;
                }
                if (b < theirsEdits.size() && theirsEdits.get(b).start() <= end) {
                    end = Math.max(end, theirsEdits.get(b++).end());
                    grew = true;
                }
            }
            if (start > cursor) {
                List<String> same = baseLines.subList(cursor, start);
                regions.add(new TextRegion(TextRegion.Kind.SAME, cursor, same, same, same));
            }
            cursor = end;

            List<Edit> mineHere = mineEdits.subList(a0, a);
            List<Edit> theirsHere = theirsEdits.subList(b0, b);
            List<String> mineRegion = apply(baseLines, start, end, mineHere);
            List<String> theirsRegion = apply(baseLines, start, end, theirsHere);
            regions.add(new TextRegion(kind(mineHere, theirsHere, mineRegion, theirsRegion, start == end), start,
                    baseLines.subList(start, end), mineRegion, theirsRegion));
        }
        if (cursor < baseLines.size()) {
            List<String> same = baseLines.subList(cursor, baseLines.size());
            regions.add(new TextRegion(TextRegion.Kind.SAME, cursor, same, same, same));
        }
        return regions;
    }

    /**
     * Git's rules: a region one side changed is that side's; both ending up alike is clean. Two insertions
     * at one place are kept both, where git reports a conflict; anything else conflicts.
     */
    private static TextRegion.Kind kind(List<Edit> mineHere, List<Edit> theirsHere, List<String> mineRegion,
                                        List<String> theirsRegion, boolean insertion) {
        if (theirsHere.isEmpty()) {
            return TextRegion.Kind.MINE_ONLY;
        }
        if (mineHere.isEmpty()) {
            return TextRegion.Kind.THEIRS_ONLY;
        }
        if (mineRegion.equals(theirsRegion)) {
            return TextRegion.Kind.BOTH_SAME;
        }
        return insertion ? TextRegion.Kind.BOTH_INSERTED : TextRegion.Kind.CONFLICT;
    }

    private static int startOf(List<Edit> edits, int index) {
        return index < edits.size() ? edits.get(index).start() : Integer.MAX_VALUE;
    }

    /** The lines one side has for base region {@code [start, end)}, given that side's edits inside it. */
    private static List<String> apply(List<String> base, int start, int end, List<Edit> edits) {
        List<String> out = new ArrayList<>();
        int at = start;
        for (Edit e : edits) {
            out.addAll(base.subList(at, e.start()));
            out.addAll(e.lines());
            at = e.end();
        }
        out.addAll(base.subList(at, end));
        return out;
    }

    /**
     * The merged text, and the text with conflict markers; the latter is only started at the first
     * conflict, since a clean merge (the common case, on texts of up to half a megabyte) does not need it.
     */
    private static final class Output {
        final StringBuilder text;
        StringBuilder marked;

        Output(int capacity) {
            text = new StringBuilder(capacity + 16);
        }

        void lines(List<String> lines) {
            for (String line : lines) {
                text.append(line);
                if (marked != null) {
                    marked.append(line);
                }
            }
        }

        void conflict(List<String> mine, List<String> theirs) {
            if (marked == null) {
                marked = new StringBuilder(text);
            }
            for (String line : theirs) {
                text.append(line);
            }
            marked.append(MINE_MARKER);
            terminated(mine);
            marked.append(SEPARATOR);
            terminated(theirs);
            marked.append(THEIRS_MARKER);
        }

        /** Conflict markers must start a line even when a side's last line has no newline. */
        private void terminated(List<String> lines) {
            for (String line : lines) {
                marked.append(line);
            }
            if (!Lines.endsWithNewline(lines)) {
                marked.append('\n');
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
