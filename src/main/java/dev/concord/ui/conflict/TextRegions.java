package dev.concord.ui.conflict;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits base, mine and theirs into aligned regions (the diff3 walk): stretches neither side touched, and
 * hunks where one side, both alike, or both differently changed the base. Deltas from the two sides that
 * overlap or touch fall into one hunk, so a person never has to reason about half a change.
 */
final class TextRegions {
    private TextRegions() {
    }

    static List<String> lines(String text) {
        return List.of((text == null ? "" : text).split("\n", -1));
    }

    static List<TextRegion> of(String base, String mine, String theirs) {
        List<String> b = lines(base);
        List<String> m = lines(mine);
        List<String> t = lines(theirs);
        List<LineDiff.Delta> dm = LineDiff.diff(b, m);
        List<LineDiff.Delta> dt = LineDiff.diff(b, t);
        List<TextRegion> regions = new ArrayList<>();
        int im = 0;
        int it = 0;
        int offM = 0;
        int offT = 0;
        int basePos = 0;
        while (im < dm.size() || it < dt.size()) {
            int start = Math.min(startOf(dm, im), startOf(dt, it));
            int end = start;
            int offMBefore = offM;
            int offTBefore = offT;
            boolean grew = true;
            while (grew) {
                grew = false;
                if (im < dm.size() && startOf(dm, im) <= end) {
                    LineDiff.Delta d = dm.get(im++);
                    end = Math.max(end, d.aEnd());
                    offM += (d.bEnd() - d.bStart()) - (d.aEnd() - d.aStart());
                    grew = true;
                }
                if (it < dt.size() && startOf(dt, it) <= end) {
                    LineDiff.Delta d = dt.get(it++);
                    end = Math.max(end, d.aEnd());
                    offT += (d.bEnd() - d.bStart()) - (d.aEnd() - d.aStart());
                    grew = true;
                }
            }
            if (start > basePos) {
                List<String> same = b.subList(basePos, start);
                regions.add(new TextRegion(TextRegion.Kind.SAME, same, same, same));
            }
            List<String> baseLines = b.subList(start, end);
            List<String> mineLines = m.subList(start + offMBefore, end + offM);
            List<String> theirsLines = t.subList(start + offTBefore, end + offT);
            regions.add(new TextRegion(kind(baseLines, mineLines, theirsLines), baseLines, mineLines, theirsLines));
            basePos = end;
        }
        if (basePos < b.size()) {
            List<String> same = b.subList(basePos, b.size());
            regions.add(new TextRegion(TextRegion.Kind.SAME, same, same, same));
        }
        return regions;
    }

    private static int startOf(List<LineDiff.Delta> deltas, int i) {
        return i < deltas.size() ? deltas.get(i).aStart() : Integer.MAX_VALUE;
    }

    private static TextRegion.Kind kind(List<String> base, List<String> mine, List<String> theirs) {
        if (mine.equals(theirs)) {
            return TextRegion.Kind.BOTH_SAME;
        }
        if (theirs.equals(base)) {
            return TextRegion.Kind.MINE_ONLY;
        }
        if (mine.equals(base)) {
            return TextRegion.Kind.THEIRS_ONLY;
        }
        if (base.isEmpty()) {
            return TextRegion.Kind.BOTH_INSERTED;
        }
        return TextRegion.Kind.CONFLICT;
    }
}
