package dev.concord.ui.conflict;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line diff that stays fast when almost every line changed. Myers' diff costs time in proportion to the
 * number of differences, which is seconds for 10k changed lines (a note re-wrapped, or its line ends
 * converted). Lines that occur in only one text can never match, so they are set aside first and Myers runs
 * on the lines both texts share (GNU diff does the same with "confusing" lines); the result is still a
 * correct diff, only not always the shortest.
 */
final class LineDiff {
    /** Lines {@code [aStart, aEnd)} of the first text stand where the second has {@code [bStart, bEnd)}. */
    record Delta(int aStart, int aEnd, int bStart, int bEnd) {
    }

    private LineDiff() {
    }

    static List<Delta> diff(List<String> a, List<String> b) {
        Set<String> inA = new HashSet<>(a);
        Set<String> inB = new HashSet<>(b);
        List<Integer> keptA = new ArrayList<>();
        List<Integer> keptB = new ArrayList<>();
        List<String> ra = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (inB.contains(a.get(i))) {
                keptA.add(i);
                ra.add(a.get(i));
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (inA.contains(b.get(j))) {
                keptB.add(j);
                rb.add(b.get(j));
            }
        }
        List<Delta> out = new ArrayList<>();
        int nextA = 0;
        int nextB = 0;
        int ri = 0;
        int rj = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(ra, rb).getDeltas()) {
            for (; ri < d.getSource().getPosition(); ri++, rj++) {
                int[] next = match(out, nextA, nextB, keptA.get(ri), keptB.get(rj));
                nextA = next[0];
                nextB = next[1];
            }
            ri += d.getSource().size();
            rj += d.getTarget().size();
        }
        for (; ri < ra.size() && rj < rb.size(); ri++, rj++) {
            int[] next = match(out, nextA, nextB, keptA.get(ri), keptB.get(rj));
            nextA = next[0];
            nextB = next[1];
        }
        if (nextA < a.size() || nextB < b.size()) {
            out.add(new Delta(nextA, a.size(), nextB, b.size()));
        }
        return out;
    }

    /** Records the gap before the matching pair (x, y) as a delta; returns the positions after the pair. */
    private static int[] match(List<Delta> out, int nextA, int nextB, int x, int y) {
        if (x > nextA || y > nextB) {
            out.add(new Delta(nextA, x, nextB, y));
        }
        return new int[] {x + 1, y + 1};
    }
}
