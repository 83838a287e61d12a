package dev.concord.ui.conflict;

import dev.concord.merge.SideBySideDiff;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notes merge: yours and theirs side by side, hunk by hunk against the original, with a choice per hunk
 * and the merged text those choices produce. The hunks come from a three-way walk over the original
 * ({@link TextRegions}), so each knows whether one side or both changed it; the rows inside a hunk come from
 * the merge package's {@link SideBySideDiff}. Hunks only one side changed start taken from that side; hunks
 * both sides changed differently start undecided (showing theirs, as the merge engine keeps it).
 */
public final class TextMergeModel {
    private final List<TextRegion> regions;
    private final List<Integer> hunkRegion = new ArrayList<>();
    private final ObservableList<HunkChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<HunkChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final List<DiffLine> lines;

    public TextMergeModel(String base, String mine, String theirs) {
        this.regions = TextRegions.of(base, mine, theirs);
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).hunk()) {
                hunkRegion.add(i);
                choices.add(defaultChoice(regions.get(i)));
            }
        }
        this.lines = List.copyOf(buildLines());
    }

    /** Every row of the side-by-side view, in text order. */
    public List<DiffLine> lines() {
        return lines;
    }

    public int hunkCount() {
        return hunkRegion.size();
    }

    public ObservableList<HunkChoice> choices() {
        return readOnlyChoices;
    }

    public TextRegion.Kind hunkKind(int hunk) {
        return region(hunk).kind();
    }

    /** The original lines at this hunk, for showing what both sides started from. */
    public List<String> hunkBase(int hunk) {
        return region(hunk).baseLines();
    }

    public void choose(int hunk, HunkChoice choice) {
        choices.set(hunk, choice);
    }

    public void chooseAll(HunkChoice choice) {
        for (int i = 0; i < choices.size(); i++) {
            choices.set(i, choice);
        }
    }

    /** Puts every hunk only one side changed (or both alike) back to that side's lines. */
    public void chooseNonConflicting() {
        for (int i = 0; i < choices.size(); i++) {
            if (hunkKind(i) != TextRegion.Kind.CONFLICT) {
                choices.set(i, defaultChoice(region(i)));
            }
        }
    }

    public boolean allDecided() {
        return !choices.contains(HunkChoice.UNDECIDED);
    }

    /** Where the merged text comes from as a whole. */
    public Decision decision() {
        if (!allDecided()) {
            return Decision.UNDECIDED;
        }
        if (choices.stream().allMatch(c -> c == HunkChoice.MINE)) {
            return Decision.MINE;
        }
        if (choices.stream().allMatch(c -> c == HunkChoice.THEIRS)) {
            return Decision.THEIRS;
        }
        return Decision.COMBINED;
    }

    /** The text the current choices produce; undecided hunks hold theirs' lines. */
    public String mergedText() {
        List<String> out = new ArrayList<>();
        int hunk = 0;
        for (TextRegion r : regions) {
            if (!r.hunk()) {
                out.addAll(r.baseLines());
                continue;
            }
            switch (choices.get(hunk++)) {
                case MINE -> out.addAll(r.mineLines());
                case BOTH -> {
                    out.addAll(r.theirsLines());
                    out.addAll(r.mineLines());
                }
                default -> out.addAll(r.theirsLines());
            }
        }
        return String.join("\n", out);
    }

    private TextRegion region(int hunk) {
        return regions.get(hunkRegion.get(hunk));
    }

    private static HunkChoice defaultChoice(TextRegion r) {
        return switch (r.kind()) {
            case MINE_ONLY -> HunkChoice.MINE;
            case THEIRS_ONLY, BOTH_SAME -> HunkChoice.THEIRS;
            case BOTH_INSERTED -> HunkChoice.BOTH;
            default -> HunkChoice.UNDECIDED;
        };
    }

    private List<DiffLine> buildLines() {
        List<DiffLine> out = new ArrayList<>();
        int mineNo = 0;
        int theirsNo = 0;
        int hunk = 0;
        for (TextRegion r : regions) {
            if (!r.hunk()) {
                for (String line : r.baseLines()) {
                    mineNo++;
                    theirsNo++;
                    out.add(DiffLine.of(-1, new SideBySideDiff.Row(SideBySideDiff.Tag.EQUAL, -1, mineNo, theirsNo, line, line)));
                }
                continue;
            }
            out.add(DiffLine.header(hunk));
            addHunkRows(out, hunk, r.mineLines(), r.theirsLines(), mineNo, theirsNo);
            mineNo += r.mineLines().size();
            theirsNo += r.theirsLines().size();
            hunk++;
        }
        return out;
    }

    /** Yours against theirs inside one hunk: equal lines side by side, changed lines paired in order. */
    private static void addHunkRows(List<DiffLine> out, int hunk, List<String> mine, List<String> theirs,
                                    int mineBefore, int theirsBefore) {
        int mi = 0;
        int ti = 0;
        for (LineDiff.Delta d : LineDiff.diff(mine, theirs)) {
            for (; mi < d.aStart(); mi++, ti++) {
                out.add(row(hunk, SideBySideDiff.Tag.EQUAL, mine, theirs, mi, ti, mineBefore, theirsBefore));
            }
            while (mi < d.aEnd() || ti < d.bEnd()) {
                boolean left = mi < d.aEnd();
                boolean right = ti < d.bEnd();
                SideBySideDiff.Tag tag = left && right ? SideBySideDiff.Tag.CHANGE
                        : left ? SideBySideDiff.Tag.DELETE : SideBySideDiff.Tag.INSERT;
                out.add(row(hunk, tag, mine, theirs, left ? mi++ : -1, right ? ti++ : -1, mineBefore, theirsBefore));
            }
        }
        for (; mi < mine.size(); mi++, ti++) {
            out.add(row(hunk, SideBySideDiff.Tag.EQUAL, mine, theirs, mi, ti, mineBefore, theirsBefore));
        }
    }

    /** A row in the merge package's shape, so its word-level {@link SideBySideDiff#segments} can render it. */
    private static DiffLine row(int hunk, SideBySideDiff.Tag tag, List<String> mine, List<String> theirs, int mi, int ti,
                                int mineBefore, int theirsBefore) {
        return DiffLine.of(hunk, new SideBySideDiff.Row(tag, hunk, mi < 0 ? 0 : mineBefore + mi + 1,
                ti < 0 ? 0 : theirsBefore + ti + 1, mi < 0 ? "" : mine.get(mi), ti < 0 ? "" : theirs.get(ti)));
    }
}
