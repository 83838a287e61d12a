package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-level three-way merge (diff3) of long text such as notes, the way {@code git merge-file} does it.
 *
 * <p>Both diffs (base&rarr;mine, base&rarr;theirs) are git's own ({@link XDiff}: Myers with xdiff's
 * heuristics and cost limit, each change slid to one canonical place), and they are grouped into regions as
 * git's xdl_do_merge groups them ({@link XMerge}): changes of the two sides that overlap or touch form one
 * region. A region one side changed takes that side's lines; both sides ending up alike is clean. So a clean
 * result is byte for byte what {@code git merge-file -p mine base theirs} prints.
 *
 * <p>One deliberate difference: where both sides only inserted lines at the same place (git reports a
 * conflict), the two insertions are merged line by line ({@link TextRegion#both()}): lines both inserted
 * appear once, each side's own lines in their order, theirs first where they differ. An empty base is that
 * rule over the whole text. Everything else both changed differently is a conflict.
 */
public final class TextMerge {
    private TextMerge() {
    }

    /** Merges {@code mine} and {@code theirs}, both derived from {@code base}. Null means empty text. */
    public static TextMergeResult merge(String base, String mine, String theirs) {
        Analysis a = Analysis.of(base, mine, theirs);
        List<TextHunk> conflicts = new ArrayList<>();
        StringBuilder text = new StringBuilder(Math.max(orEmpty(mine).length(), orEmpty(theirs).length()) + 16);
        for (Analysis.Part p : a.parts()) {
            TextRegion r = p.region();
            if (r.kind() == TextRegion.Kind.CONFLICT) {
                conflicts.add(new TextHunk(r.baseStart(), Lines.stripAll(r.baseLines()),
                        Lines.stripAll(r.mineLines()), Lines.stripAll(r.theirsLines())));
            }
            for (String line : r.mergedLines()) {
                text.append(line);
            }
        }
        String merged = text.toString();
        String marked = conflicts.isEmpty() ? merged : MarkedOutput.render(a, "mine", "theirs").text();
        return new TextMergeResult(merged, conflicts.isEmpty(), conflicts, marked);
    }

    /**
     * The merge as {@code git merge-file -p -L mineLabel -L base -L theirsLabel} prints it: conflict markers
     * with those labels where it conflicts (conflicts refined and joined as git does), and their number.
     */
    public static MergedText withMarkers(String base, String mine, String theirs, String mineLabel,
                                         String theirsLabel) {
        return MarkedOutput.render(Analysis.of(base, mine, theirs), mineLabel, theirsLabel);
    }

    /**
     * The three texts cut into aligned regions, in text order: stretches neither side changed and, between
     * them, the regions {@link #merge} decides one by one, each with the kind of change it is. Null means
     * empty text. Each side's lines over all regions give that text back exactly.
     */
    public static List<TextRegion> regions(String base, String mine, String theirs) {
        return Analysis.of(base, mine, theirs).parts().stream().map(Analysis.Part::region).toList();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
