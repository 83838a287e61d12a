package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of a line diff: base lines {@code [start, end)} replaced by {@code lines}, which stand at
 * {@code otherStart} in the other text. A pure insertion has {@code start == end}.
 */
record Edit(int start, int end, int otherStart, List<String> lines) {

    boolean pureInsertion() {
        return start == end;
    }

    int otherEnd() {
        return otherStart + lines.size();
    }

    /**
     * The changes turning {@code base} into {@code other}, in base order: git's line diff ({@link XDiff}),
     * so the console shows the same hunks {@code git diff} would, and in bounded time.
     */
    static List<Edit> between(List<String> base, List<String> other) {
        LineTable table = new LineTable();
        int[] a = table.classify(base);
        int[] b = table.classify(other);
        List<Edit> edits = new ArrayList<>();
        for (XDiff.Change c : XDiff.diff(a, b)) {
            edits.add(new Edit(c.i1(), c.i1() + c.chg1(), c.i2(), List.copyOf(other.subList(c.i2(), c.i2() + c.chg2()))));
        }
        return edits;
    }
}
