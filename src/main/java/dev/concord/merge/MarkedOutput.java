package dev.concord.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A merge written out as git's xdl_fill_merge_buffer writes it (level "zealous alnum", merge-file's
 * default): each conflicting region is refined by a diff of mine against theirs so only the lines that
 * really differ are in conflict, then conflicts with at most three lines, or only lines without a letter
 * or digit, between them are joined. Markers get a CR when the texts around use CRLF.
 */
final class MarkedOutput {
    private static final int GAP = 0;
    private static final int BLOCK = 1;
    private static final int CONFLICT = 2;

    /** What git's merge list holds at a place: nothing (GAP), a decided region, or a conflict. */
    private record Item(int type, List<String> mine, List<String> theirs, int mineStart, int theirsStart) {
    }

    private MarkedOutput() {
    }

    static MergedText render(Analysis a, String mineLabel, String theirsLabel) {
        List<Item> items = new ArrayList<>();
        for (Analysis.Part p : a.parts()) {
            TextRegion r = p.region();
            switch (r.kind()) {
                case SAME -> items.add(new Item(GAP, r.mineLines(), r.mineLines(), p.mineStart(), p.theirsStart()));
                case CONFLICT -> refine(a, p, items);
                default -> items.add(new Item(p.listed() ? BLOCK : GAP, r.mergedLines(), r.mergedLines(),
                        p.mineStart(), p.theirsStart()));
            }
        }
        List<Item> joined = simplify(items);
        StringBuilder out = new StringBuilder(a.mine().size() * 32 + 64);
        int conflicts = 0;
        for (Item item : joined) {
            if (item.type() != CONFLICT) {
                item.mine().forEach(out::append);
                continue;
            }
            conflicts++;
            String eol = crNeeded(a, item) ? "\r\n" : "\n";
            out.append("<<<<<<<").append(label(mineLabel)).append(eol);
            terminated(out, item.mine(), eol);
            out.append("=======").append(eol);
            terminated(out, item.theirs(), eol);
            out.append(">>>>>>>").append(label(theirsLabel)).append(eol);
        }
        return new MergedText(out.toString(), conflicts);
    }

    private static String label(String label) {
        return label == null ? "" : " " + label;
    }

    /** xdl_refine_conflicts: the lines mine and theirs share inside a conflict are taken out of it. */
    private static void refine(Analysis a, Analysis.Part p, List<Item> items) {
        TextRegion r = p.region();
        int m0 = p.mineStart();
        int t0 = p.theirsStart();
        if (r.mineLines().isEmpty() || r.theirsLines().isEmpty()) {
            items.add(new Item(CONFLICT, r.mineLines(), r.theirsLines(), m0, t0));
            return;
        }
        int[] m = Arrays.copyOfRange(a.mineClasses(), m0, m0 + r.mineLines().size());
        int[] t = Arrays.copyOfRange(a.theirsClasses(), t0, t0 + r.theirsLines().size());
        int at = 0;
        for (XDiff.Change c : XDiff.diff(m, t)) {
            if (c.i1() > at) {
                List<String> common = r.mineLines().subList(at, c.i1());
                items.add(new Item(GAP, common, common, m0 + at, t0 + c.i2() - (c.i1() - at)));
            }
            items.add(new Item(CONFLICT, r.mineLines().subList(c.i1(), c.i1() + c.chg1()),
                    r.theirsLines().subList(c.i2(), c.i2() + c.chg2()), m0 + c.i1(), t0 + c.i2()));
            at = c.i1() + c.chg1();
        }
        if (at < r.mineLines().size()) {
            List<String> common = r.mineLines().subList(at, r.mineLines().size());
            items.add(new Item(GAP, common, common, m0 + at, t0 + r.theirsLines().size() - common.size()));
        }
    }

    /** xdl_simplify_non_conflicts: joins two conflicts with only a few, or only non-alphanumeric, lines between. */
    private static List<Item> simplify(List<Item> items) {
        List<Item> out = new ArrayList<>();
        int lastConflict = -1;
        // The conflict being grown by joins, as lists of its own: joining appends instead of copying it again
        // (a full reorder joins a hundred conflicts over 30k lines).
        List<String> joinedMine = null;
        List<String> joinedTheirs = null;
        for (Item item : items) {
            if (item.type() == BLOCK) {
                lastConflict = -1;
            } else if (item.type() == CONFLICT && lastConflict >= 0) {
                List<String> between = new ArrayList<>();
                for (Item gap : out.subList(lastConflict + 1, out.size())) {
                    between.addAll(gap.mine());
                }
                if (between.size() <= 3 || !containsAlnum(between)) {
                    Item first = out.get(lastConflict);
                    if (joinedMine == null) {
                        joinedMine = new ArrayList<>(first.mine());
                        joinedTheirs = new ArrayList<>(first.theirs());
                    }
                    joinedMine.addAll(between);
                    joinedMine.addAll(item.mine());
                    joinedTheirs.addAll(between);
                    joinedTheirs.addAll(item.theirs());
                    out.subList(lastConflict, out.size()).clear();
                    out.add(new Item(CONFLICT, joinedMine, joinedTheirs, first.mineStart(), first.theirsStart()));
                    continue;
                }
            }
            out.add(item);
            if (item.type() == CONFLICT) {
                lastConflict = out.size() - 1;
                joinedMine = null;
                joinedTheirs = null;
            }
        }
        return out;
    }

    /** git's isalnum: ASCII letters and digits only (bytes of other UTF-8 characters are not). */
    private static boolean containsAlnum(List<String> lines) {
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch < 128 && Character.isLetterOrDigit(ch)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void terminated(StringBuilder out, List<String> lines, String eol) {
        lines.forEach(out::append);
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
            out.append(eol);
        }
    }

    /** is_cr_needed: CRLF markers when mine, theirs and base all use CRLF around the conflict. */
    private static boolean crNeeded(Analysis a, Item item) {
        int needs = crlf(a.mine(), item.mineStart() > 0 ? item.mineStart() - 1 : 0);
        if (needs != 0) {
            needs = crlf(a.theirs(), item.theirsStart() > 0 ? item.theirsStart() - 1 : 0);
        }
        if (needs != 0) {
            needs = crlf(a.base(), 0);
        }
        return needs > 0;
    }

    /** is_eol_crlf: 1 if line i ends in CRLF, 0 if in LF only, -1 if it cannot tell. */
    private static int crlf(List<String> lines, int i) {
        int n = lines.size();
        if (i < n - 1) {
            return lines.get(i).endsWith("\r\n") ? 1 : 0;
        }
        if (n == 0) {
            return -1;
        }
        String line = lines.get(i);
        if (line.endsWith("\n")) {
            return line.endsWith("\r\n") ? 1 : 0;
        }
        if (i == 0) {
            return -1;
        }
        return lines.get(i - 1).endsWith("\r\n") ? 1 : 0;
    }
}
