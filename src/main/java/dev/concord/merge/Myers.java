package dev.concord.merge;

import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * git's xdl_recs_cmp and xdl_split (the Myers pass of {@link XDiff}) over the reduced lines: the middle snake
 * of each box, given up at xdiff's cost limit for the furthest-reaching split, and xdiff's snake-sampling
 * heuristic; an explicit stack instead of recursion. Marks changed lines in the texts' flags.
 */
final class Myers {
    private static final int MAX_COST_MIN = 256;
    private static final int HEUR_MIN_COST = 256;
    private static final int SNAKE_CNT = 20;
    private static final int K_HEUR = 4;
    private static final int LINE_MAX = Integer.MAX_VALUE;
    /** From this many lines in a pass (both sides), a second thread takes boxes the first has no time for. */
    static final int PARALLEL_LINES = 8_000;

    final int[] ha1;
    final int[] ha2;
    final int[] index1;
    final int[] index2;
    final boolean[] ch1;
    final boolean[] ch2;
    final int[] kv;
    final int fo;
    final int bo;
    final int mxcost;
    final int n1;
    final int n2;
    // The split found by split(): i1, i2, minLo, minHi.
    int si1;
    int si2;
    boolean minLo;
    boolean minHi;

    Myers(XDiff.Reduced r1, XDiff.Reduced r2, boolean[] ch1, boolean[] ch2) {
        this.ha1 = r1.ha();
        this.ha2 = r2.ha();
        this.index1 = r1.index();
        this.index2 = r2.index();
        this.ch1 = ch1;
        this.ch2 = ch2;
        int ndiags = r1.size() + r2.size() + 3;
        this.kv = new int[2 * ndiags + 2];
        this.fo = r2.size() + 1;
        this.bo = ndiags + r2.size() + 1;
        this.mxcost = Math.max(XDiff.bogosqrt(ndiags), MAX_COST_MIN);
        this.n1 = r1.size();
        this.n2 = r2.size();
    }

    /** A second worker on the same pass: same texts and flags, scratch of its own. */
    private Myers(Myers other) {
        this.ha1 = other.ha1;
        this.ha2 = other.ha2;
        this.index1 = other.index1;
        this.index2 = other.index2;
        this.ch1 = other.ch1;
        this.ch2 = other.ch2;
        this.kv = new int[other.kv.length];
        this.fo = other.fo;
        this.bo = other.bo;
        this.mxcost = other.mxcost;
        this.n1 = other.n1;
        this.n2 = other.n2;
    }

    /**
     * Marks the changes of the whole pass. Each box (a pair of ranges still to compare) is worked out on its own,
     * reading only the texts and writing only the flags of its own lines, so the order boxes are done in does
     * not change the result; a long pass shares its boxes with a second thread ({@link BoxSharing}).
     */
    void run() {
        int[] whole = {0, n1, 0, n2, 0};
        if (n1 + n2 < PARALLEL_LINES) {
            work(whole, null);
            return;
        }
        BoxSharing sharing = new BoxSharing();
        // This thread joins before the helper can: a helper that came first would find nobody working and end it.
        sharing.join();
        Myers helper = new Myers(this);
        ForkJoinTask<?> help = ForkJoinPool.commonPool().submit(() -> {
            if (sharing.join()) {
                helper.work(null, sharing);
            }
        });
        work(whole, sharing);
        help.join();
    }

    /**
     * Works through boxes, its own first, then ones the other worker hands over, until none are left. With
     * {@code sharing}, the worker has joined it already.
     */
    private void work(int[] first, BoxSharing sharing) {
        ArrayDeque<int[]> local = new ArrayDeque<>();
        if (first != null) {
            local.push(first);
        }
        while (true) {
            int[] box = local.pollFirst();
            if (box == null) {
                box = sharing == null ? null : sharing.take();
                if (box == null) {
                    return;
                }
            }
            if (sharing != null && sharing.wanted() && !local.isEmpty()) {
                // The other worker is idle: give it the oldest box, the biggest one left.
                sharing.give(local.pollLast());
            }
            process(box, local);
        }
    }

    /** One box: trims equal ends, marks a side that ran out as changed, or splits it in two onto {@code local}. */
    private void process(int[] box, ArrayDeque<int[]> local) {
        int off1 = box[0];
        int lim1 = box[1];
        int off2 = box[2];
        int lim2 = box[3];
        while (off1 < lim1 && off2 < lim2 && ha1[off1] == ha2[off2]) {
            off1++;
            off2++;
        }
        while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] == ha2[lim2 - 1]) {
            lim1--;
            lim2--;
        }
        if (off1 == lim1) {
            for (; off2 < lim2; off2++) {
                ch2[index2[off2] + 1] = true;
            }
        } else if (off2 == lim2) {
            for (; off1 < lim1; off1++) {
                ch1[index1[off1] + 1] = true;
            }
        } else {
            split(off1, lim1, off2, lim2, box[4] != 0);
            local.push(new int[]{si1, lim1, si2, lim2, minHi ? 1 : 0});
            local.push(new int[]{off1, si1, off2, si2, minLo ? 1 : 0});
        }
    }

    private void split(int off1, int lim1, int off2, int lim2, boolean needMin) {
        // Locals, not fields, in the hot loops below.
        final int[] kv = this.kv;
        final int[] ha1 = this.ha1;
        final int[] ha2 = this.ha2;
        final int fo = this.fo;
        final int bo = this.bo;
        int dmin = off1 - lim2;
        int dmax = lim1 - off2;
        int fmid = off1 - off2;
        int bmid = lim1 - lim2;
        boolean odd = ((fmid - bmid) & 1) != 0;
        int fmin = fmid;
        int fmax = fmid;
        int bmin = bmid;
        int bmax = bmid;
        kv[fo + fmid] = off1;
        kv[bo + bmid] = lim1;
        for (int ec = 1; ; ec++) {
            boolean gotSnake = false;
            if (fmin > dmin) {
                kv[fo + --fmin - 1] = -1;
            } else {
                ++fmin;
            }
            if (fmax < dmax) {
                kv[fo + ++fmax + 1] = -1;
            } else {
                --fmax;
            }
            for (int d = fmax; d >= fmin; d -= 2) {
                int i1 = kv[fo + d - 1] >= kv[fo + d + 1] ? kv[fo + d - 1] + 1 : kv[fo + d + 1];
                int prev1 = i1;
                int i2 = i1 - d;
                for (; i1 < lim1 && i2 < lim2 && ha1[i1] == ha2[i2]; i1++, i2++) {
                    // slide along the snake
                }
                if (i1 - prev1 > SNAKE_CNT) {
                    gotSnake = true;
                }
                kv[fo + d] = i1;
                if (odd && bmin <= d && d <= bmax && kv[bo + d] <= i1) {
                    found(i1, i2, true, true);
                    return;
                }
            }
            if (bmin > dmin) {
                kv[bo + --bmin - 1] = LINE_MAX;
            } else {
                ++bmin;
            }
            if (bmax < dmax) {
                kv[bo + ++bmax + 1] = LINE_MAX;
            } else {
                --bmax;
            }
            for (int d = bmax; d >= bmin; d -= 2) {
                int i1 = kv[bo + d - 1] < kv[bo + d + 1] ? kv[bo + d - 1] : kv[bo + d + 1] - 1;
                int prev1 = i1;
                int i2 = i1 - d;
                for (; i1 > off1 && i2 > off2 && ha1[i1 - 1] == ha2[i2 - 1]; i1--, i2--) {
                    // slide along the snake
                }
                if (prev1 - i1 > SNAKE_CNT) {
                    gotSnake = true;
                }
                kv[bo + d] = i1;
                if (!odd && fmin <= d && d <= fmax && i1 <= kv[fo + d]) {
                    found(i1, i2, true, true);
                    return;
                }
            }
            if (needMin) {
                continue;
            }
            if (gotSnake && ec > HEUR_MIN_COST && heuristic(off1, lim1, off2, lim2, ec, fmin, fmax, fmid,
                    bmin, bmax, bmid)) {
                return;
            }
            if (ec >= mxcost) {
                furthest(off1, lim1, off2, lim2, fmin, fmax, bmin, bmax);
                return;
            }
        }
    }

    /** A diagonal that reached an "interesting" snake far from the corner: split there. */
    private boolean heuristic(int off1, int lim1, int off2, int lim2, int ec, int fmin, int fmax, int fmid,
                              int bmin, int bmax, int bmid) {
        int best = 0;
        for (int d = fmax; d >= fmin; d -= 2) {
            int dd = d > fmid ? d - fmid : fmid - d;
            int i1 = kv[fo + d];
            int i2 = i1 - d;
            int v = (i1 - off1) + (i2 - off2) - dd;
            if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1
                    && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
                for (int k = 1; ha1[i1 - k] == ha2[i2 - k]; k++) {
                    if (k == SNAKE_CNT) {
                        best = v;
                        si1 = i1;
                        si2 = i2;
                        break;
                    }
                }
            }
        }
        if (best > 0) {
            minLo = true;
            minHi = false;
            return true;
        }
        for (int d = bmax; d >= bmin; d -= 2) {
            int dd = d > bmid ? d - bmid : bmid - d;
            int i1 = kv[bo + d];
            int i2 = i1 - d;
            int v = (lim1 - i1) + (lim2 - i2) - dd;
            if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT
                    && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
                for (int k = 0; ha1[i1 + k] == ha2[i2 + k]; k++) {
                    if (k == SNAKE_CNT - 1) {
                        best = v;
                        si1 = i1;
                        si2 = i2;
                        break;
                    }
                }
            }
        }
        if (best > 0) {
            minLo = false;
            minHi = true;
            return true;
        }
        return false;
    }

    /** Enough is enough: split at the furthest-reaching point of either direction. */
    private void furthest(int off1, int lim1, int off2, int lim2, int fmin, int fmax, int bmin, int bmax) {
        long fbest = -1;
        int fbest1 = -1;
        for (int d = fmax; d >= fmin; d -= 2) {
            int i1 = Math.min(kv[fo + d], lim1);
            int i2 = i1 - d;
            if (lim2 < i2) {
                i1 = lim2 + d;
                i2 = lim2;
            }
            if (fbest < (long) i1 + i2) {
                fbest = (long) i1 + i2;
                fbest1 = i1;
            }
        }
        long bbest = LINE_MAX;
        int bbest1 = LINE_MAX;
        for (int d = bmax; d >= bmin; d -= 2) {
            int i1 = Math.max(off1, kv[bo + d]);
            int i2 = i1 - d;
            if (i2 < off2) {
                i1 = off2 + d;
                i2 = off2;
            }
            if ((long) i1 + i2 < bbest) {
                bbest = (long) i1 + i2;
                bbest1 = i1;
            }
        }
        if ((long) lim1 + lim2 - bbest < fbest - (off1 + off2)) {
            found(fbest1, (int) (fbest - fbest1), true, false);
        } else {
            found(bbest1, (int) (bbest - bbest1), false, true);
        }
    }

    private void found(int i1, int i2, boolean lo, boolean hi) {
        si1 = i1;
        si2 = i2;
        minLo = lo;
        minHi = hi;
    }
}
