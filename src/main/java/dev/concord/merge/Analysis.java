package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The three texts of one merge as lines and line classes, cut into regions. Each region remembers whether
 * git would list it among its merge regions ({@code listed}); stretches nobody changed and changes both
 * sides made identically are not listed, which matters for how git joins nearby conflicts.
 */
record Analysis(List<String> base, List<String> mine, List<String> theirs, int[] baseClasses, int[] mineClasses,
                int[] theirsClasses, List<Part> parts) {

    record Part(TextRegion region, boolean listed, int mineStart, int theirsStart) {
    }

    /**
     * From this many lines in the three texts together, the two diffs run side by side; below it a diff takes
     * well under a millisecond and handing one to another thread would cost more than it saves.
     */
    static final int PARALLEL_LINES = 6_000;

    static Analysis of(String baseText, String mineText, String theirsText) {
        List<String> base = Lines.split(TextMerge.orEmpty(baseText));
        List<String> mine = Lines.split(TextMerge.orEmpty(mineText));
        List<String> theirs = Lines.split(TextMerge.orEmpty(theirsText));
        LineTable table = new LineTable(base.size() + Math.max(mine.size(), theirs.size()) / 8);
        int[] cb = table.classify(base);
        int[] cm = table.classify(mine);
        int[] ct = table.classify(theirs);
        List<XDiff.Change> toMine;
        List<XDiff.Change> toTheirs;
        if (cb.length + cm.length + ct.length >= PARALLEL_LINES) {
            // The two diffs are independent: on long notes base->theirs runs on another core meanwhile. An
            // external join() runs the task itself if no pool thread has taken it, so this never waits idle.
            ForkJoinTask<List<XDiff.Change>> theirsDiff = ForkJoinPool.commonPool().submit(() -> XDiff.diff(cb, ct));
            toMine = XDiff.diff(cb, cm);
            toTheirs = theirsDiff.join();
        } else {
            toMine = XDiff.diff(cb, cm);
            toTheirs = XDiff.diff(cb, ct);
        }
        List<XMerge.Chunk> chunks = XMerge.chunks(toMine, toTheirs, cb, cm, ct);
        List<Part> parts = new ArrayList<>();
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        for (XMerge.Chunk c : chunks) {
            int gap = c.i0() - c0;
            if (gap < 0 || c.i1() - c1 != gap || c.i2() - c2 != gap) {
                throw new IllegalStateException("merge regions out of step at base line " + c0);
            }
            if (gap > 0) {
                List<String> same = List.copyOf(base.subList(c0, c.i0()));
                parts.add(new Part(new TextRegion(TextRegion.Kind.SAME, c0, same, same, same), false, c1, c2));
            }
            List<String> b = base.subList(c.i0(), c.i0() + c.chg0());
            List<String> m = mine.subList(c.i1(), c.i1() + c.chg1());
            List<String> t = theirs.subList(c.i2(), c.i2() + c.chg2());
            parts.add(new Part(new TextRegion(kind(c, m, t), c.i0(), b, m, t), c.mode() != XMerge.IDENTICAL,
                    c.i1(), c.i2()));
            c0 = c.i0() + c.chg0();
            c1 = c.i1() + c.chg1();
            c2 = c.i2() + c.chg2();
        }
        int rest = base.size() - c0;
        if (mine.size() - c1 != rest || theirs.size() - c2 != rest) {
            throw new IllegalStateException("merge regions out of step at the end");
        }
        if (rest > 0) {
            List<String> same = List.copyOf(base.subList(c0, base.size()));
            parts.add(new Part(new TextRegion(TextRegion.Kind.SAME, c0, same, same, same), false, c1, c2));
        }
        return new Analysis(base, mine, theirs, cb, cm, ct, parts);
    }

    private static TextRegion.Kind kind(XMerge.Chunk c, List<String> mine, List<String> theirs) {
        return switch (c.mode()) {
            case XMerge.IDENTICAL -> TextRegion.Kind.BOTH_SAME;
            case XMerge.MINE -> TextRegion.Kind.MINE_ONLY;
            case XMerge.THEIRS -> TextRegion.Kind.THEIRS_ONLY;
            default -> mine.equals(theirs) ? TextRegion.Kind.BOTH_SAME
                    : c.chg0() == 0 ? TextRegion.Kind.BOTH_INSERTED : TextRegion.Kind.CONFLICT;
        };
    }
}
