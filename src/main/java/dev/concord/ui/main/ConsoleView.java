package dev.concord.ui.main;

import dev.concord.domain.EntityKind;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.records.ListPlacement;
import dev.concord.ui.records.RecordListView;
import dev.concord.ui.status.StatusBarView;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The main window's content, put together and kept arranged to the window's width and text size: menus on top
 * ({@link ConsoleMenus}), the record tables by kind plus the conflict inbox ({@link RecordTabs}) beside or above
 * the editor and history of the selected record ({@link DetailTabs}), status bar at the bottom.
 */
public final class ConsoleView extends BorderPane {
    private final Appearance appearance;
    private final RecordTabs records;
    private final DetailTabs details;
    private final ConsoleMenus menus;
    private final SplitPane split;

    public ConsoleView(ConsoleViewModel vm, ConflictUi conflictUi, Appearance appearance) {
        this.appearance = appearance;
        setId("console");
        getStyleClass().add("console");
        records = new RecordTabs(vm, conflictUi);
        details = new DetailTabs(vm);

        split = new SplitPane(records.pane(), details.pane());
        split.setId("main-split");
        split.setDividerPositions(ListPlacement.SIDE_BY_SIDE_DIVIDER);
        widthProperty().addListener((obs, old, width) -> arrange());
        split.heightProperty().addListener((obs, old, height) -> arrange());
        appearance.textSizeProperty().addListener((obs, old, size) -> arrange());
        setCenter(split);
        menus = new ConsoleMenus(vm, appearance, records, details, this);
        setTop(menus.bar());
        setBottom(new StatusBarView(vm.status(), this::showConflicts));

        vm.setConflictHandler(conflict -> conflictUi.open(getScene() == null ? null : getScene().getWindow(),
                conflict, vm::conflictResolved));
    }

    /**
     * Side by side when there is room, the editor under the list when the window is narrow (800 px, or
     * large text): the editor is never pushed off the window. Widths scale with the text size. The rule is
     * {@link ListPlacement}'s, which the rows preview draws by before this view exists.
     */
    private void arrange() {
        double scale = appearance.getTextSize() / 100.0;
        Orientation wanted = ListPlacement.stacked(getWidth(), appearance.getTextSize())
                ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        details.pane().setMinWidth(wanted == Orientation.HORIZONTAL ? ListPlacement.EDITOR_MIN_WIDTH * scale : 0);
        double listMin = wanted == Orientation.VERTICAL
                ? ListPlacement.stackedListMin(split.getHeight(), appearance.getTextSize()) : Region.USE_COMPUTED_SIZE;
        boolean minMoved = listMin != records.pane().getMinHeight();
        records.pane().setMinHeight(listMin);
        if (wanted == Orientation.VERTICAL && split.getOrientation() == wanted && minMoved) {
            // The split pane keeps a divider its panes' minimums pushed; a minimum that moved (a short window
            // at large text, where the list gives way to the editor) puts it back at its share, as the preview
            // (ListPlacement.table) assumes.
            split.setDividerPositions(ListPlacement.STACKED_DIVIDER);
        }
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setDividerPositions(wanted == Orientation.HORIZONTAL
                    ? ListPlacement.SIDE_BY_SIDE_DIVIDER : ListPlacement.STACKED_DIVIDER);
        }
    }

    /** Adds a node (the live banner) to every editor as it is shown; null from the function adds none. */
    public void setEditorBanner(Function<EditorViewModel, Node> banner) {
        details.setEditorBanner(banner);
    }

    /** Replaces the lines of Help > About (the installed console names its sign-in, data and log files). */
    public void setAbout(Supplier<List<String>> lines) {
        menus.setAbout(lines);
    }

    /** Brings the conflict inbox to the front. */
    public void showConflicts() {
        records.showConflicts();
    }

    /** Selects the tab of a kind (tests and the screenshot use it to show plans or invoices). */
    public void showKind(EntityKind kind) {
        records.showKind(kind);
    }

    public RecordListView list(EntityKind kind) {
        return records.list(kind);
    }
}
