package dev.concord.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Differences up to which the plain Myers diff runs. Its cost grows with size times differences;
     * beyond this many, the diff is redone on only the lines both texts have (see {@link #between}).
     */
    static final int PLAIN_DIFF_BUDGET = 300;

    /**
     * The changes turning {@code base} into {@code other}, in base order: a minimal line diff by
     * java-diff-utils' Myers algorithm.
     *
     * <p>As git's xdiff does, the common head and tail are cut off first. When the texts differ a lot,
     * lines that occur in only one of them are set aside too: they can never be part of a common
     * subsequence, so the result stays a longest one, and a note rewritten from top to bottom (10,000
     * lines, 20,000 differences) takes milliseconds instead of seconds. That pass costs hashing every
     * line, so the usual few-edits case skips it.
     */
    static List<Edit> between(List<String> base, List<String> other) {
        int n = base.size();
        int m = other.size();
        int head = 0;
        while (head < n && head < m && base.get(head).equals(other.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && base.get(n - 1 - tail).equals(other.get(m - 1 - tail))) {
            tail++;
        }
        List<String> a = base.subList(head, n - tail);
        List<String> b = other.subList(head, m - tail);
        Matcher matcher = new Matcher(head, b);
        List<AbstractDelta<String>> deltas;
        try {
            deltas = DiffUtils.diff(a, b, OverBudget.LISTENER).getDeltas();
        } catch (OverBudget e) {
            int[] aKept = shared(a, new HashSet<>(b));
            int[] bKept = shared(b, new HashSet<>(a));
            matchOutside(DiffUtils.diff(pick(a, aKept), pick(b, bKept)).getDeltas(), aKept.length, aKept, bKept,
                    matcher);
            matcher.match(a.size(), b.size());
            return matcher.edits;
        }
        matchOutside(deltas, a.size(), null, null, matcher);
        matcher.match(a.size(), b.size());
        return matcher.edits;
    }

    /**
     * Feeds the line pairs a diff of {@code diffedSize} source lines leaves equal to the matcher,
     * translating positions through {@code aKept}/{@code bKept} when it ran on a selection of lines
     * (null: it ran on all).
     */
    private static void matchOutside(List<AbstractDelta<String>> deltas, int diffedSize, int[] aKept, int[] bKept,
                                     Matcher matcher) {
        int ia = 0;
        int ib = 0;
        for (AbstractDelta<String> d : deltas) {
            for (; ia < d.getSource().getPosition(); ia++, ib++) {
                matcher.match(aKept == null ? ia : aKept[ia], bKept == null ? ib : bKept[ib]);
            }
            ia = d.getSource().getPosition() + d.getSource().size();
            ib = d.getTarget().getPosition() + d.getTarget().size();
        }
        for (; ia < diffedSize; ia++, ib++) {
            matcher.match(aKept == null ? ia : aKept[ia], bKept == null ? ib : bKept[ib]);
        }
    }

    /**
     * Stops a plain diff past {@link #PLAIN_DIFF_BUDGET} differences. java-diff-utils has no cost limit of
     * its own; its progress listener, called once per difference count, is the only way to stop it.
     */
    private static final class OverBudget extends RuntimeException {
        static final DiffAlgorithmListener LISTENER = new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
            }

            @Override
            public void diffStep(int value, int max) {
                if (value > PLAIN_DIFF_BUDGET) {
                    throw new OverBudget();
                }
            }

            @Override
            public void diffEnd() {
            }
        };

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** Turns the matched line pairs, in order, into the edits between them. */
    private static final class Matcher {
        final List<Edit> edits = new ArrayList<>();
        final int offset;
        final List<String> b;
        int nextA;
        int nextB;

        Matcher(int offset, List<String> b) {
            this.offset = offset;
            this.b = b;
        }

        /** Line i of a equals line j of b (or i, j are the ends); everything skipped since is an edit. */
        void match(int i, int j) {
            if (i > nextA || j > nextB) {
                edits.add(new Edit(offset + nextA, offset + i, offset + nextB, List.copyOf(b.subList(nextB, j))));
            }
            nextA = i + 1;
            nextB = j + 1;
        }
    }

    private static int[] shared(List<String> lines, Set<String> other) {
        int[] kept = new int[lines.size()];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (other.contains(lines.get(i))) {
                kept[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(kept, count);
    }

    private static List<String> pick(List<String> lines, int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(lines.get(i));
        }
        return out;
    }
}
