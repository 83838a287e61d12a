package dev.concord.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * git's xdl_change_compact and xdl_build_script: slides each group of changed lines through runs of equal
 * lines to one canonical place (as far down as it goes, unless it can line up with a change in the other
 * text), so that the same edit made by two people is seen as the same change at the same place.
 *
 * <p>Changed flags are kept as {@code ch[i + 1]} for line {@code i}, with {@code ch[0]} and
 * {@code ch[n + 1]} always false, like xdiff's sentinels at -1 and n. git's merge-file uses no indent
 * heuristic (its diff flags are 0), so neither do we.
 */
final class Compaction {
    private Compaction() {
    }

    /** A (possibly empty) group of changed lines {@code [start, end)}. */
    private static final class Group {
        int start;
        int end;
        final int[] recs;
        final boolean[] ch;

        Group(int[] recs, boolean[] ch) {
            this.recs = recs;
            this.ch = ch;
            while (changed(end)) {
                end++;
            }
        }

        boolean changed(int i) {
            return ch[i + 1];
        }

        boolean next() {
            if (end == recs.length) {
                return false;
            }
            start = end + 1;
            for (end = start; changed(end); end++) {
                // extend over the group
            }
            return true;
        }

        boolean previous() {
            if (start == 0) {
                return false;
            }
            end = start - 1;
            for (start = end; changed(start - 1); start--) {
                // extend over the group
            }
            return true;
        }

        boolean slideDown() {
            if (end < recs.length && recs[start] == recs[end]) {
                ch[start++ + 1] = false;
                ch[end++ + 1] = true;
                while (changed(end)) {
                    end++;
                }
                return true;
            }
            return false;
        }

        boolean slideUp() {
            if (start > 0 && recs[start - 1] == recs[end - 1]) {
                ch[--start + 1] = true;
                ch[--end + 1] = false;
                while (changed(start - 1)) {
                    start--;
                }
                return true;
            }
            return false;
        }
    }

    static void compact(int[] recs, boolean[] ch, int[] otherRecs, boolean[] otherCh) {
        Group g = new Group(recs, ch);
        Group go = new Group(otherRecs, otherCh);
        while (true) {
            if (g.end != g.start) {
                int groupSize;
                int earliestEnd;
                int endMatchingOther;
                do {
                    groupSize = g.end - g.start;
                    endMatchingOther = -1;
                    while (g.slideUp()) {
                        sync(go.previous(), "sliding up");
                    }
                    earliestEnd = g.end;
                    if (go.end > go.start) {
                        endMatchingOther = g.end;
                    }
                    while (g.slideDown()) {
                        sync(go.next(), "sliding down");
                        if (go.end > go.start) {
                            endMatchingOther = g.end;
                        }
                    }
                } while (groupSize != g.end - g.start);
                if (g.end != earliestEnd && endMatchingOther != -1) {
                    // Line the group up with the last change of the other text it can align with.
                    while (go.end == go.start) {
                        sync(g.slideUp(), "match disappeared");
                        sync(go.previous(), "sliding to match");
                    }
                }
            }
            if (!g.next()) {
                break;
            }
            sync(go.next(), "moving to next group");
        }
    }

    private static void sync(boolean ok, String where) {
        if (!ok) {
            throw new IllegalStateException("diff groups out of step " + where);
        }
    }

    /** The changes, in order, from the changed flags of both texts. */
    static List<XDiff.Change> script(boolean[] ch1, int n1, boolean[] ch2, int n2) {
        List<XDiff.Change> out = new ArrayList<>();
        int i1 = n1;
        int i2 = n2;
        while (i1 >= 0 || i2 >= 0) {
            if (flag(ch1, i1 - 1) || flag(ch2, i2 - 1)) {
                int l1 = i1;
                while (flag(ch1, i1 - 1)) {
                    i1--;
                }
                int l2 = i2;
                while (flag(ch2, i2 - 1)) {
                    i2--;
                }
                out.add(new XDiff.Change(i1, i2, l1 - i1, l2 - i2));
            }
            i1--;
            i2--;
        }
        Collections.reverse(out);
        return out;
    }

    private static boolean flag(boolean[] ch, int i) {
        return i >= -1 && ch[i + 1];
    }
}
