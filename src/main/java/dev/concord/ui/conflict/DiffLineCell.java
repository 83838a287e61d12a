package dev.concord.ui.conflict;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.merge.SideBySideDiff;
import dev.concord.merge.TextRegion;
import dev.concord.ui.common.LazyTooltip;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One row of the notes diff: a hunk header with its take buttons, or yours and theirs side by side.
 *
 * <p>A cell keeps the nodes of its line row and only changes their texts and style classes when it shows
 * another line: every node a cell makes is matched against the theme's style sheets (thousands of selectors)
 * and laid out, and on a first opening the visible rows made most of the dialog's nodes. A side that is one
 * run of unchanged text (most lines) is one label, not a box of labels; the runs of a changed line are labels
 * in a box, the changed ones highlighted.
 */
final class DiffLineCell extends ListCell<DiffLine> {
    private static final List<String> KIND_STYLES =
            List.of("hunk-header", "unchanged", "changed", "mine-only", "theirs-only");

    private final TextMergeModel model;
    private final BiConsumer<Integer, HunkChoice> take;
    /** Yours and theirs with their line numbers, made for the first line this cell shows. */
    private HBox row;
    private Label mineNo;
    private Label theirsNo;
    private Side mine;
    private Side theirs;

    DiffLineCell(TextMergeModel model, BiConsumer<Integer, HunkChoice> take) {
        this.model = model;
        this.take = take;
        getStyleClass().add("diff-line");
    }

    @Override
    protected void updateItem(DiffLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll(KIND_STYLES);
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        getStyleClass().add(KIND_STYLES.get(line.kind().ordinal()));
        setGraphic(line.kind() == DiffLine.Kind.HUNK_HEADER ? header(line.hunk()) : sides(line));
    }

    private HBox sides(DiffLine line) {
        if (row == null) {
            mineNo = number();
            theirsNo = number();
            mine = new Side("mine-side");
            theirs = new Side("theirs-side");
            row = new HBox(mineNo, mine.node, theirsNo, theirs.node);
            row.setAlignment(Pos.CENTER_LEFT);
        }
        SideBySideDiff.Segments segments = line.segments();
        mineNo.setText(line.mineNo() == 0 ? "" : Integer.toString(line.mineNo()));
        theirsNo.setText(line.theirsNo() == 0 ? "" : Integer.toString(line.theirsNo()));
        if (mine.show(segments.left(), line.kind() == DiffLine.Kind.THEIRS_ONLY_LINE)) {
            row.getChildren().set(1, mine.node);
        }
        if (theirs.show(segments.right(), line.kind() == DiffLine.Kind.MINE_ONLY_LINE)) {
            row.getChildren().set(3, theirs.node);
        }
        return row;
    }

    private static Label number() {
        Label l = new Label();
        l.getStyleClass().add("line-number");
        return l;
    }

    /**
     * One side of a line row: a single label when the side is one run of unchanged text (or no line at all),
     * else a box with a label per run, each made once and kept for the lines the cell shows later.
     */
    private static final class Side {
        private final String style;
        private final Label plain = new Label();
        private HBox runs;
        /** What the row shows for this side now: {@link #plain} or {@link #runs}. */
        private Region node;

        Side(String style) {
            this.style = style;
            plain.getStyleClass().addAll("side", style, "same-word");
            // As a box of runs does: takes the row's free width, cut short with an ellipsis.
            plain.setMinWidth(0);
            plain.setPrefWidth(0);
            plain.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(plain, Priority.ALWAYS);
            node = plain;
        }

        /** Shows {@code segments}; true when the row must take another node for this side. */
        boolean show(List<SideBySideDiff.Segment> segments, boolean absent) {
            Region before = node;
            if (segments.size() <= 1 && (segments.isEmpty() || !segments.get(0).changed())) {
                plain.setText(segments.isEmpty() ? "" : segments.get(0).text());
                absent(plain, absent);
                node = plain;
            } else {
                node = runs(segments, absent);
            }
            return node != before;
        }

        private HBox runs(List<SideBySideDiff.Segment> segments, boolean absent) {
            if (runs == null) {
                runs = new HBox();
                runs.getStyleClass().addAll("side", style);
                runs.setMinWidth(0);
                runs.setPrefWidth(0);
                HBox.setHgrow(runs, Priority.ALWAYS);
            }
            absent(runs, absent);
            List<javafx.scene.Node> labels = runs.getChildren();
            while (labels.size() > segments.size()) {
                labels.remove(labels.size() - 1);
            }
            for (int i = 0; i < segments.size(); i++) {
                SideBySideDiff.Segment s = segments.get(i);
                Label l;
                if (i < labels.size()) {
                    l = (Label) labels.get(i);
                } else {
                    l = new Label();
                    labels.add(l);
                }
                l.setText(s.text());
                l.getStyleClass().setAll("label", s.changed() ? "changed-word" : "same-word");
                // Only the last run may be cut short, so a long line ends in an ellipsis rather than overlapping.
                l.setMinWidth(i == segments.size() - 1 ? 0 : Region.USE_PREF_SIZE);
            }
            return runs;
        }

        private static void absent(Region side, boolean absent) {
            if (absent) {
                if (!side.getStyleClass().contains("absent")) {
                    side.getStyleClass().add("absent");
                }
            } else {
                side.getStyleClass().remove("absent");
            }
        }
    }

    private HBox header(int hunk) {
        TextRegion.Kind kind = model.hunkKind(hunk);
        HunkChoice choice = model.choices().get(hunk);
        Label what = new Label(lang("hunk.header", hunk + 1, model.hunkCount(), describe(kind)));
        what.getStyleClass().add(kind == TextRegion.Kind.CONFLICT ? "hunk-conflict" : "hunk-clean");
        List<String> base = model.hunkBase(hunk);
        LazyTooltip.install(what, base.isEmpty() ? lang("hunk.original.none")
                : lang("hunk.original", String.join("\n", base.size() > 20 ? base.subList(0, 20) : base)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label state = new Label(choice == HunkChoice.UNDECIDED ? lang("hunk.undecided") : lang("hunk.using", describe(choice)));
        state.getStyleClass().add(choice == HunkChoice.UNDECIDED ? "hunk-undecided" : "hunk-decided");
        HBox box = new HBox(8, what, spacer, state,
                button(hunk, HunkChoice.MINE, lang("hunk.takeYours"), Styles.LEFT_PILL, choice),
                button(hunk, HunkChoice.THEIRS, lang("hunk.takeTheirs"), Styles.CENTER_PILL, choice),
                button(hunk, HunkChoice.BOTH, lang("hunk.both"), Styles.RIGHT_PILL, choice));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button button(int hunk, HunkChoice choice, String text, String pill, HunkChoice current) {
        Button b = new Button(text);
        b.setId("hunk-" + hunk + "-" + choice.name().toLowerCase(java.util.Locale.ROOT));
        b.getStyleClass().addAll(pill, Styles.SMALL);
        if (choice == current) {
            b.getStyleClass().add(Styles.ACCENT);
        }
        b.setOnAction(e -> take.accept(hunk, choice));
        return b;
    }

    private static String describe(TextRegion.Kind kind) {
        return switch (kind) {
            case MINE_ONLY -> lang("hunk.mineOnly");
            case THEIRS_ONLY -> lang("hunk.theirsOnly");
            case BOTH_SAME -> lang("hunk.bothSame");
            case BOTH_INSERTED -> lang("hunk.bothInserted");
            case CONFLICT -> lang("hunk.conflict");
            case SAME -> "";
        };
    }

    private static String describe(HunkChoice choice) {
        return switch (choice) {
            case MINE -> lang("hunk.choice.mine");
            case THEIRS -> lang("hunk.choice.theirs");
            case BOTH -> lang("hunk.choice.both");
            case UNDECIDED -> "";
        };
    }
}
