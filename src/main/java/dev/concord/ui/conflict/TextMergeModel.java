package dev.concord.ui.conflict;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notes merge: yours and theirs side by side, hunk by hunk against the original, with a choice per hunk
 * and the merged text those choices produce. Hunks only one side changed start taken from that side; hunks
 * both sides changed differently start undecided (showing theirs, as the merge engine keeps it).
 */
public final class TextMergeModel {
    // Private-use characters cannot occur in typed notes, so they can mark changed words unambiguously.
    private static final String START = "\uE000";
    private static final String END = "\uE001";
    private static final DiffRowGenerator INLINE = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(Function.identity())
            .oldTag(start -> start ? START : END)
            .newTag(start -> start ? START : END)
            .build();

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
                    out.add(unchanged(-1, line, ++mineNo, ++theirsNo));
                }
                continue;
            }
            out.add(new DiffLine(DiffLine.Kind.HUNK_HEADER, hunk, List.of(), List.of(), 0, 0));
            List<String> mine = r.mineLines();
            List<String> theirs = r.theirsLines();
            int mi = 0;
            int ti = 0;
            for (AbstractDelta<String> d : DiffUtils.diff(mine, theirs).getDeltas()) {
                for (; mi < d.getSource().getPosition(); mi++, ti++) {
                    out.add(unchanged(hunk, mine.get(mi), ++mineNo, ++theirsNo));
                }
                List<String> left = d.getSource().getLines();
                List<String> right = d.getTarget().getLines();
                for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
                    if (k < left.size() && k < right.size()) {
                        DiffRow row = INLINE.generateDiffRows(List.of(left.get(k)), List.of(right.get(k))).get(0);
                        out.add(new DiffLine(DiffLine.Kind.CHANGED, hunk, segments(row.getOldLine()),
                                segments(row.getNewLine()), ++mineNo, ++theirsNo));
                    } else if (k < left.size()) {
                        out.add(new DiffLine(DiffLine.Kind.MINE_ONLY_LINE, hunk, whole(left.get(k)), List.of(), ++mineNo, 0));
                    } else {
                        out.add(new DiffLine(DiffLine.Kind.THEIRS_ONLY_LINE, hunk, List.of(), whole(right.get(k)), 0, ++theirsNo));
                    }
                }
                mi += left.size();
                ti += right.size();
            }
            for (; mi < mine.size(); mi++, ti++) {
                out.add(unchanged(hunk, mine.get(mi), ++mineNo, ++theirsNo));
            }
            hunk++;
        }
        return out;
    }

    private static DiffLine unchanged(int hunk, String line, int mineNo, int theirsNo) {
        List<DiffLine.Segment> text = List.of(new DiffLine.Segment(line, false));
        return new DiffLine(DiffLine.Kind.UNCHANGED, hunk, text, text, mineNo, theirsNo);
    }

    private static List<DiffLine.Segment> whole(String line) {
        return List.of(new DiffLine.Segment(line, true));
    }

    /** Splits a line marked with START/END around changed words into segments. */
    static List<DiffLine.Segment> segments(String marked) {
        List<DiffLine.Segment> out = new ArrayList<>();
        boolean changed = false;
        int from = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START.charAt(0) || c == END.charAt(0)) {
                if (i > from) {
                    out.add(new DiffLine.Segment(marked.substring(from, i), changed));
                }
                changed = c == START.charAt(0);
                from = i + 1;
            }
        }
        if (from < marked.length() || out.isEmpty()) {
            out.add(new DiffLine.Segment(marked.substring(from), changed));
        }
        return out;
    }
}
