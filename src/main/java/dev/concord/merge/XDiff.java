package dev.concord.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line diff git's xdiff computes (Myers' O(ND) algorithm with xdiff's preparation, cost limit and
 * hunk sliding), over lines already turned into equivalence-class numbers.
 *
 * <p>Why our own and not java-diff-utils: "same as {@code git merge-file} wherever git is clean" needs the
 * very changes xdiff picks among the many equally short diffs, and those come from xdiff's particular
 * heuristics (records that have no match discarded first, multi-match runs, the furthest-reaching split at
 * cost sqrt(N), and {@link Compaction} sliding). No maintained Java library reproduces them; this is a
 * plain port of git's {@code xprepare.c} and {@code xdiffi.c} (LGPL-2.1 libxdiff; the algorithm, re-written
 * here). The cost limit also makes the worst case near-linear: a fully reordered text costs
 * O(N * sqrt(N)) at most instead of O(N^2).
 */
final class XDiff {
    private static final int MAX_EQLIMIT = 1024;
    private static final int SIMSCAN_WINDOW = 100;
    private static final int KPDIS_RUN = 4;
    private static final int MAX_COST_MIN = 256;
    private static final int HEUR_MIN_COST = 256;
    private static final int SNAKE_CNT = 20;
    private static final int K_HEUR = 4;
    private static final int LINE_MAX = Integer.MAX_VALUE;

    /** One change: {@code a[i1, i1 + chg1)} replaced by {@code b[i2, i2 + chg2)}. */
    record Change(int i1, int i2, int chg1, int chg2) {
    }

    private XDiff() {
    }

    /**
     * The changes turning {@code a} into {@code b} (class numbers of lines: equal numbers, equal lines),
     * slid into git's canonical places, in order.
     */
    static List<Change> diff(int[] a, int[] b) {
        boolean[] ch1 = new boolean[a.length + 2];
        boolean[] ch2 = new boolean[b.length + 2];
        int[][] dense = dense(a, b);
        int[] da = dense == null ? a : dense[0];
        int[] db = dense == null ? b : dense[1];
        markChanges(da, db, ch1, ch2);
        Compaction.compact(da, ch1, db, ch2);
        Compaction.compact(db, ch2, da, ch1);
        return Compaction.script(ch1, a.length, ch2, b.length);
    }

    /**
     * The two texts with classes renumbered densely when they use few of a large numbering, so the
     * per-class counts below stay small (refining a conflict diffs a few lines of a text with many
     * classes); null when they are dense enough already.
     */
    private static int[][] dense(int[] a, int[] b) {
        int max = 0;
        for (int x : a) {
            max = Math.max(max, x);
        }
        for (int x : b) {
            max = Math.max(max, x);
        }
        if (max < 4 * (a.length + b.length) + 64) {
            return null;
        }
        Map<Integer, Integer> ids = new HashMap<>();
        int[][] out = {new int[a.length], new int[b.length]};
        for (int i = 0; i < a.length; i++) {
            out[0][i] = ids.computeIfAbsent(a[i], k -> ids.size());
        }
        for (int i = 0; i < b.length; i++) {
            out[1][i] = ids.computeIfAbsent(b[i], k -> ids.size());
        }
        return out;
    }

    /** xdl_prepare_env + xdl_recs_cmp: marks changed lines ({@code ch[i + 1]} for line i). */
    private static void markChanges(int[] a, int[] b, boolean[] ch1, boolean[] ch2) {
        int n1 = a.length;
        int n2 = b.length;
        int lim = Math.min(n1, n2);
        int start = 0;
        while (start < lim && a[start] == b[start]) {
            start++;
        }
        int tail = 0;
        while (tail < lim - start && a[n1 - 1 - tail] == b[n2 - 1 - tail]) {
            tail++;
        }
        int classes = 0;
        for (int x : a) {
            classes = Math.max(classes, x + 1);
        }
        for (int x : b) {
            classes = Math.max(classes, x + 1);
        }
        int[] count1 = new int[classes];
        int[] count2 = new int[classes];
        for (int x : a) {
            count1[x]++;
        }
        for (int x : b) {
            count2[x]++;
        }
        Reduced r1 = reduce(a, start, n1 - tail - 1, count2, ch1);
        Reduced r2 = reduce(b, start, n2 - tail - 1, count1, ch2);
        new Myers(r1, r2, ch1, ch2).run();
    }

    /** The lines the Myers pass looks at: their indices in the text and their classes. */
    record Reduced(int[] index, int[] ha, int size) {
    }

    /**
     * xdl_cleanup_records: lines with no match in the other text are changed for sure and left out; lines
     * with very many matches are left out too when they sit in a run of such lines.
     */
    private static Reduced reduce(int[] recs, int dstart, int dend, int[] otherCount, boolean[] ch) {
        int n = recs.length;
        byte[] dis = new byte[n + 1];
        int mlim = Math.min(bogosqrt(n), MAX_EQLIMIT);
        for (int i = dstart; i <= dend; i++) {
            int nm = otherCount[recs[i]];
            dis[i] = (byte) (nm == 0 ? 0 : nm >= mlim ? 2 : 1);
        }
        int[] index = new int[Math.max(0, dend - dstart + 1)];
        int[] ha = new int[index.length];
        int nreff = 0;
        for (int i = dstart; i <= dend; i++) {
            if (dis[i] == 1 || (dis[i] == 2 && !cleanMmatch(dis, i, dstart, dend))) {
                index[nreff] = i;
                ha[nreff++] = recs[i];
            } else {
                ch[i + 1] = true;
            }
        }
        return new Reduced(index, ha, nreff);
    }

    private static boolean cleanMmatch(byte[] dis, int i, int s, int e) {
        if (i - s > SIMSCAN_WINDOW) {
            s = i - SIMSCAN_WINDOW;
        }
        if (e - i > SIMSCAN_WINDOW) {
            e = i + SIMSCAN_WINDOW;
        }
        int rdis0 = 0;
        int rpdis0 = 1;
        for (int r = 1; i - r >= s; r++) {
            if (dis[i - r] == 0) {
                rdis0++;
            } else if (dis[i - r] == 2) {
                rpdis0++;
            } else {
                break;
            }
        }
        if (rdis0 == 0) {
            return false;
        }
        int rdis1 = 0;
        int rpdis1 = 1;
        for (int r = 1; i + r <= e; r++) {
            if (dis[i + r] == 0) {
                rdis1++;
            } else if (dis[i + r] == 2) {
                rpdis1++;
            } else {
                break;
            }
        }
        if (rdis1 == 0) {
            return false;
        }
        rdis1 += rdis0;
        rpdis1 += rpdis0;
        return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
    }

    static int bogosqrt(int n) {
        int i = 1;
        for (; n > 0; n >>= 2) {
            i <<= 1;
        }
        return i;
    }

    /** xdl_recs_cmp and xdl_split over the reduced lines; an explicit stack instead of recursion. */
    private static final class Myers {
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

        Myers(Reduced r1, Reduced r2, boolean[] ch1, boolean[] ch2) {
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
            this.mxcost = Math.max(bogosqrt(ndiags), MAX_COST_MIN);
            this.n1 = r1.size();
            this.n2 = r2.size();
        }

        void run() {
            List<int[]> stack = new ArrayList<>();
            stack.add(new int[]{0, n1, 0, n2, 0});
            while (!stack.isEmpty()) {
                int[] box = stack.remove(stack.size() - 1);
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
                    stack.add(new int[]{si1, lim1, si2, lim2, minHi ? 1 : 0});
                    stack.add(new int[]{off1, si1, off2, si2, minLo ? 1 : 0});
                }
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
}
