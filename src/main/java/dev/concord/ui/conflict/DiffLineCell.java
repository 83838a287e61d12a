package dev.concord.ui.conflict;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.merge.SideBySideDiff;
import dev.concord.ui.common.LazyTooltip;
import dev.concord.merge.TextRegion;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One row of the notes diff: a hunk header with its take buttons, or yours and theirs side by side. */
final class DiffLineCell extends ListCell<DiffLine> {
    private static final List<String> KIND_STYLES =
            List.of("hunk-header", "unchanged", "changed", "mine-only", "theirs-only");

    private final TextMergeModel model;
    private final BiConsumer<Integer, HunkChoice> take;

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
        SideBySideDiff.Segments segments = line.segments();
        HBox left = side(segments.left(), "mine-side", line.kind() == DiffLine.Kind.THEIRS_ONLY_LINE);
        HBox right = side(segments.right(), "theirs-side", line.kind() == DiffLine.Kind.MINE_ONLY_LINE);
        HBox row = new HBox(number(line.mineNo()), left, number(line.theirsNo()), right);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox side(List<SideBySideDiff.Segment> segments, String style, boolean absent) {
        HBox box = new HBox();
        box.getStyleClass().addAll("side", style);
        if (absent) {
            box.getStyleClass().add("absent");
        }
        for (SideBySideDiff.Segment s : segments) {
            Label l = new Label(s.text());
            l.getStyleClass().add(s.changed() ? "changed-word" : "same-word");
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        if (!box.getChildren().isEmpty()) {
            // Only the last run may be cut short, so a long line ends in an ellipsis rather than overlapping.
            ((Label) box.getChildren().get(box.getChildren().size() - 1)).setMinWidth(0);
        }
        box.setMinWidth(0);
        box.setPrefWidth(0);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Label number(int n) {
        Label l = new Label(n == 0 ? "" : Integer.toString(n));
        l.getStyleClass().add("line-number");
        return l;
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
