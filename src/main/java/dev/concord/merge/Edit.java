package dev.concord.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of a line diff: base lines {@code [start, end)} replaced by {@code lines}. A pure insertion
 * has {@code start == end}.
 */
record Edit(int start, int end, List<String> lines) {

    boolean pureInsertion() {
        return start == end;
    }

    /** The changes turning {@code base} into {@code other}, in base order (java-diff-utils Myers diff). */
    static List<Edit> between(List<String> base, List<String> other) {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(base, other).getDeltas();
        List<Edit> edits = new ArrayList<>(deltas.size());
        for (AbstractDelta<String> d : deltas) {
            int start = d.getSource().getPosition();
            edits.add(new Edit(start, start + d.getSource().size(), d.getTarget().getLines()));
        }
        return edits;
    }
}
