package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * The regions of a three-way merge as git's xdl_do_merge groups them: the changes of base&rarr;mine and
 * base&rarr;theirs, walked together; a change of one side that neither overlaps nor touches a change of the
 * other is that side's, two changes that are the very same change count once, and everything else that
 * overlaps or touches becomes one region both changed. Regions that touch in either side's text are joined.
 */
final class XMerge {
    static final int CONFLICT = 0;
    static final int MINE = 1;
    static final int THEIRS = 2;
    static final int IDENTICAL = 4;

    /**
     * One region: base lines {@code [i0, i0 + chg0)} stand where mine has {@code [i1, i1 + chg1)} and theirs
     * {@code [i2, i2 + chg2)}. {@code mode} is who changed it: {@link #MINE}, {@link #THEIRS}, both the same
     * way ({@link #IDENTICAL}) or both ({@link #CONFLICT}, which the caller still looks into).
     */
    record Chunk(int mode, int i0, int chg0, int i1, int chg1, int i2, int chg2) {
    }

    private XMerge() {
    }

    static List<Chunk> chunks(List<XDiff.Change> mineScript, List<XDiff.Change> theirsScript, int[] base,
                              int[] mine, int[] theirs) {
        Builder b = new Builder();
        int x = 0;
        int y = 0;
        while (x < mineScript.size() && y < theirsScript.size()) {
            XDiff.Change c1 = mineScript.get(x);
            XDiff.Change c2 = theirsScript.get(y);
            if (c1.i1() + c1.chg1() < c2.i1()) {
                b.append(MINE, c1.i1(), c1.chg1(), c1.i2(), c1.chg2(), c2.i2() - c2.i1() + c1.i1(), c1.chg1());
                x++;
                continue;
            }
            if (c2.i1() + c2.chg1() < c1.i1()) {
                b.append(THEIRS, c2.i1(), c2.chg1(), c1.i2() - c1.i1() + c2.i1(), c2.chg1(), c2.i2(), c2.chg2());
                y++;
                continue;
            }
            if (c1.i1() != c2.i1() || c1.chg1() != c2.chg1() || c1.chg2() != c2.chg2()
                    || !same(mine, c1.i2(), theirs, c2.i2(), c1.chg2())) {
                int off = c1.i1() - c2.i1();
                int ffo = off + c1.chg1() - c2.chg1();
                int i0 = c1.i1();
                int i1 = c1.i2();
                int i2 = c2.i2();
                if (off > 0) {
                    i0 -= off;
                    i1 -= off;
                } else {
                    i2 += off;
                }
                int chg0 = c1.i1() + c1.chg1() - i0;
                int chg1 = c1.i2() + c1.chg2() - i1;
                int chg2 = c2.i2() + c2.chg2() - i2;
                if (ffo < 0) {
                    chg0 -= ffo;
                    chg1 -= ffo;
                } else {
                    chg2 += ffo;
                }
                b.append(CONFLICT, i0, chg0, i1, chg1, i2, chg2);
            } else {
                // The same change on both sides: git does not list it; we keep it, marked, for the regions.
                b.identical(new Chunk(IDENTICAL, c1.i1(), c1.chg1(), c1.i2(), c1.chg2(), c2.i2(), c2.chg2()));
            }
            int end1 = c1.i1() + c1.chg1();
            int end2 = c2.i1() + c2.chg1();
            if (end1 >= end2) {
                y++;
            }
            if (end2 >= end1) {
                x++;
            }
        }
        for (; x < mineScript.size(); x++) {
            XDiff.Change c1 = mineScript.get(x);
            b.append(MINE, c1.i1(), c1.chg1(), c1.i2(), c1.chg2(), c1.i1() + theirs.length - base.length, c1.chg1());
        }
        for (; y < theirsScript.size(); y++) {
            XDiff.Change c2 = theirsScript.get(y);
            b.append(THEIRS, c2.i1(), c2.chg1(), c2.i1() + mine.length - base.length, c2.chg1(), c2.i2(), c2.chg2());
        }
        return b.out;
    }

    private static boolean same(int[] a, int from, int[] b, int bFrom, int count) {
        for (int i = 0; i < count; i++) {
            if (a[from + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** xdl_append_merge over a list that also carries the identical changes git leaves out. */
    private static final class Builder {
        final List<Chunk> out = new ArrayList<>();
        int last = -1;

        void identical(Chunk c) {
            out.add(c);
        }

        void append(int mode, int i0, int chg0, int i1, int chg1, int i2, int chg2) {
            Chunk m = last < 0 ? null : out.get(last);
            if (m != null && (i1 <= m.i1() + m.chg1() || i2 <= m.i2() + m.chg2())) {
                Chunk joined = new Chunk(mode != m.mode() ? CONFLICT : m.mode(), m.i0(), i0 + chg0 - m.i0(), m.i1(),
                        i1 + chg1 - m.i1(), m.i2(), i2 + chg2 - m.i2());
                // An identical change listed after m that the joined region now covers is part of it.
                while (out.size() > last + 1 && out.get(last + 1).i0() < joined.i0() + joined.chg0()) {
                    out.remove(last + 1);
                }
                out.set(last, joined);
            } else {
                out.add(new Chunk(mode, i0, chg0, i1, chg1, i2, chg2));
                last = out.size() - 1;
            }
        }
    }
}
