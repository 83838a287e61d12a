package dev.concord.ui.conflict;

import dev.concord.merge.SideBySideDiff;
import dev.concord.merge.TextMerge;
import dev.concord.merge.TextRegion;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notes merge: yours and theirs side by side, hunk by hunk against the original, with a choice per hunk
 * and the merged text those choices produce. The hunks are the merge engine's own regions
 * ({@link TextMerge#regions}), so each knows whether one side or both changed it and the choices it starts
 * with give exactly the engine's merge; the rows inside a hunk are the merge package's {@link SideBySideDiff}
 * of yours against theirs. Hunks only one side changed start taken from that side; hunks both sides changed
 * differently start undecided (showing theirs, as the merge engine keeps it). Everything that takes a diff
 * is worked out in the constructor, which the dialog runs off the FX thread; choosing hunks only joins lines.
 */
public final class TextMergeModel {
    private final List<TextRegion> regions;
    private final List<Integer> hunkRegion = new ArrayList<>();
    /** Per hunk, the union of yours and theirs ({@link TextRegion#both()}, a diff): built once, with the model. */
    private final List<List<String>> both = new ArrayList<>();
    private final ObservableList<HunkChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<HunkChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final List<DiffLine> lines;
    /**
     * The merged text of the current choices, built with the model (off the FX thread) and kept until a choice
     * changes: on 10k-line notes joining the lines again when the dialog opens cost its FX thread ~2 MB of
     * copies (and the collections they bring with the console's small young generation).
     */
    private String merged;

    public TextMergeModel(String base, String mine, String theirs) {
        this.regions = TextMerge.regions(base, mine, theirs);
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).changed()) {
                hunkRegion.add(i);
                choices.add(defaultChoice(regions.get(i)));
                both.add(regions.get(i).both());
            }
        }
        this.lines = List.copyOf(buildLines());
        this.merged = joinChosen();
        choices.addListener((javafx.collections.ListChangeListener<HunkChoice>) c -> merged = null);
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

    /** The original lines at this hunk (without terminators), for showing what both sides started from. */
    public List<String> hunkBase(int hunk) {
        return region(hunk).baseLines().stream().map(TextMergeModel::withoutNewline).toList();
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
        if (merged == null) {
            merged = joinChosen();
        }
        return merged;
    }

    private String joinChosen() {
        StringBuilder out = new StringBuilder();
        int hunk = 0;
        for (TextRegion r : regions) {
            int h = r.changed() ? hunk++ : -1;
            List<String> lines = h < 0 ? r.baseLines() : switch (choices.get(h)) {
                case MINE -> r.mineLines();
                case BOTH -> both.get(h);
                case THEIRS, UNDECIDED -> r.theirsLines();
            };
            lines.forEach(out::append);
        }
        return out.toString();
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
            if (!r.changed()) {
                for (String line : r.baseLines()) {
                    String shown = withoutNewline(line);
                    out.add(DiffLine.of(-1, new SideBySideDiff.Row(SideBySideDiff.Tag.EQUAL, -1, ++mineNo, ++theirsNo,
                            shown, shown)));
                }
                continue;
            }
            out.add(DiffLine.header(hunk));
            addHunkRows(out, hunk, r, mineNo, theirsNo);
            mineNo += r.mineLines().size();
            theirsNo += r.theirsLines().size();
            hunk++;
        }
        return out;
    }

    /** Yours against theirs inside one hunk, numbered as lines of the whole texts. */
    private static void addHunkRows(List<DiffLine> out, int hunk, TextRegion r, int mineBefore, int theirsBefore) {
        SideBySideDiff diff = SideBySideDiff.of(String.join("", r.mineLines()), String.join("", r.theirsLines()));
        for (SideBySideDiff.Row row : diff.rows()) {
            out.add(DiffLine.of(hunk, new SideBySideDiff.Row(row.tag(), hunk,
                    row.leftNo() == 0 ? 0 : mineBefore + row.leftNo(),
                    row.rightNo() == 0 ? 0 : theirsBefore + row.rightNo(), row.left(), row.right())));
        }
    }

    private static String withoutNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
