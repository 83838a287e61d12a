package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Two insertions at one place merged line by line: a two-way diff of the inserted lines, where lines both
 * inserted appear once, each side's own lines appear in their order, and theirs come first where the two
 * differ at the same point. So two agents adding the same note (or a note one of them extended) never
 * get it twice.
 */
final class Union {
    private Union() {
    }

    static List<String> of(List<String> theirs, List<String> mine) {
        LineTable table = new LineTable();
        int[] t = table.classify(theirs);
        int[] m = table.classify(mine);
        List<String> out = new ArrayList<>(theirs.size() + mine.size());
        int at = 0;
        for (XDiff.Change c : XDiff.diff(t, m)) {
            addAll(out, theirs.subList(at, c.i1() + c.chg1()));
            addAll(out, mine.subList(c.i2(), c.i2() + c.chg2()));
            at = c.i1() + c.chg1();
        }
        addAll(out, theirs.subList(at, theirs.size()));
        return out;
    }

    /** Adds lines; a line without terminator (the end of one side's text) gets one when more follow. */
    private static void addAll(List<String> out, List<String> lines) {
        for (String line : lines) {
            int last = out.size() - 1;
            if (last >= 0 && !out.get(last).endsWith("\n")) {
                out.set(last, out.get(last) + "\n");
            }
            out.add(line);
        }
    }
}
