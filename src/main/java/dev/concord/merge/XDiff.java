package dev.concord.merge;

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
}
