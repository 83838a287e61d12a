package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A row of the notes diff shows the same texts and highlights as before with fewer nodes, and a cell keeps its
 * nodes when it shows another line (scrolling and opening styled new nodes for every row).
 */
@ExtendWith(ApplicationExtension.class)
class DiffLineCellTest {
    private final TextMergeModel model = new TextMergeModel("one\ntwo\nthree\n", "one\ntwo, alice\nthree\n",
            "one\ntwo, bob\nthree\n");

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void anUnchangedLineIsOneLabelASideAndTheCellKeepsItsNodesForTheNextLine() throws Exception {
        List<DiffLine> lines = model.lines();
        DiffLine first = lines.get(0);
        DiffLine last = lines.get(lines.size() - 1);
        assertThat(first.kind()).isEqualTo(DiffLine.Kind.UNCHANGED);
        assertThat(last.kind()).isEqualTo(DiffLine.Kind.UNCHANGED);
        WaitForAsyncUtils.asyncFx(() -> {
            DiffLineCell cell = new DiffLineCell(model, (hunk, choice) -> { });
            cell.updateItem(first, false);
            Parent row = (Parent) cell.getGraphic();
            // Line number, yours, line number, theirs: four labels, no box round a single run of text.
            assertThat(row.getChildrenUnmodifiable()).hasSize(4).allMatch(Label.class::isInstance);
            assertThat(texts(row)).containsExactly("1", "one", "1", "one");
            List<Node> nodes = List.copyOf(row.getChildrenUnmodifiable());

            cell.updateItem(last, false);
            assertThat(cell.getGraphic()).isSameAs(row);
            assertThat(row.getChildrenUnmodifiable()).containsExactlyElementsOf(nodes);
            assertThat(texts(row)).containsExactly("3", "three", "3", "three");
            return null;
        }).get();
    }

    @Test
    void aChangedLineHighlightsItsChangedWordsAndTheNextUnchangedLineIsPlainAgain() throws Exception {
        DiffLine changed = model.lines().stream().filter(l -> l.kind() == DiffLine.Kind.CHANGED).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            DiffLineCell cell = new DiffLineCell(model, (hunk, choice) -> { });
            cell.updateItem(model.lines().get(0), false);
            cell.updateItem(changed, false);
            Parent row = (Parent) cell.getGraphic();
            Parent mine = (Parent) row.getChildrenUnmodifiable().get(1);
            assertThat(mine.getStyleClass()).contains("side", "mine-side");
            assertThat(mine.getChildrenUnmodifiable()).anyMatch(n -> n.getStyleClass().contains("changed-word")
                    && ((Label) n).getText().contains("alice"));
            assertThat(String.join("", texts(mine))).isEqualTo(changed.mineText());

            cell.updateItem(model.lines().get(0), false);
            assertThat(texts((Parent) cell.getGraphic())).containsExactly("1", "one", "1", "one");
            assertThat(((Parent) cell.getGraphic()).getChildrenUnmodifiable().get(1).getStyleClass())
                    .contains("side", "mine-side", "same-word");
            cell.updateItem(null, true);
            assertThat(cell.getGraphic()).isNull();
            return null;
        }).get();
    }

    private static List<String> texts(Parent parent) {
        return parent.getChildrenUnmodifiable().stream().map(n -> ((Label) n).getText()).toList();
    }
}
