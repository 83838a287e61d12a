package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.ui.editor.EditorView;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.history.HistoryView;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextAlignment;

/**
 * The console's right side: the editor of the shown record (a new view, with its live banner, each time the
 * console shows another editor; a hint when none is open) and the record's history, built when first selected.
 */
final class DetailTabs {
    private final TabPane pane = new TabPane();
    private final Tab editorTab = new Tab(lang("console.tab.editor"));
    private final Tab historyTab = new Tab(lang("console.tab.history"));
    private final StackPane editorHost = new StackPane();
    private final Label nothingOpen = new Label(lang("console.noEditor"));
    private Function<EditorViewModel, Node> editorBanner = editor -> null;

    DetailTabs(ConsoleViewModel vm) {
        nothingOpen.setId("no-editor");
        nothingOpen.getStyleClass().add("muted-hint");
        // "Wählen Sie einen Datensatz aus, um ihn zu bearbeiten" is wider than the editor pane at 1200 px.
        nothingOpen.setWrapText(true);
        nothingOpen.setTextAlignment(TextAlignment.CENTER);
        nothingOpen.setPadding(new Insets(0, 16, 0, 16));
        editorHost.getChildren().setAll(nothingOpen);
        editorHost.setPadding(Insets.EMPTY);
        vm.editorProperty().addListener((obs, old, now) -> showEditor(now));
        editorTab.setId("tab-editor");
        editorTab.setContent(editorHost);
        historyTab.setId("tab-history");
        LazyTabContent.onFirstSelection(historyTab, () -> new HistoryView(vm.history()));
        pane.setId("detail-tabs");
        pane.getTabs().addAll(editorTab, historyTab);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    TabPane pane() {
        return pane;
    }

    /** See {@link ConsoleView#setEditorBanner}. */
    void setEditorBanner(Function<EditorViewModel, Node> banner) {
        this.editorBanner = banner;
    }

    private void showEditor(EditorViewModel editor) {
        if (editor == null) {
            editorHost.getChildren().setAll(nothingOpen);
        } else {
            EditorView view = new EditorView(editor);
            Node banner = editorBanner.apply(editor);
            if (banner != null) {
                view.showBanner(banner);
            }
            editorHost.getChildren().setAll(view);
            pane.getSelectionModel().select(editorTab);
        }
    }

    /** Brings the editor to the front with the cursor in its first field; nothing when no editor is open. */
    void focusEditor() {
        if (!editorHost.getChildren().isEmpty() && editorHost.getChildren().get(0) instanceof EditorView view) {
            pane.getSelectionModel().select(editorTab);
            view.focusFirstField();
        }
    }

    void showHistory() {
        pane.getSelectionModel().select(historyTab);
    }
}
