package dev.concord.ui.inbox;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.sync.Conflict;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.conflict.ConflictDialog;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The conflict inbox: unresolved conflicts (Open with Enter, a double click or the Open button) and edits
 * kept while the server was unreachable (Retry). A Node, meant to be a tab of the main window. Each
 * conflict opens in its own {@link ConflictDialog} over the window; opening one already open gives it the focus.
 */
public final class ConflictInboxView extends VBox {
    private static final String CSS =
            Objects.requireNonNull(ConflictDialog.class.getResource("conflict.css")).toExternalForm();

    private final ConflictInboxViewModel vm;
    private final ListView<Conflict> conflictList = new ListView<>();
    private final Map<String, ConflictDialog> openDialogs = new HashMap<>();
    private Consumer<SaveOutcome.Saved> onResolved = saved -> { };

    public ConflictInboxView(ConflictInboxViewModel vm) {
        this.vm = vm;
        setId("conflictInbox");
        getStyleClass().add("conflict-inbox");
        getStylesheets().add(CSS);
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));

        Label title = new Label();
        title.setId("inboxTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> lang("inbox.title", vm.unresolvedCountBinding().get()), vm.unresolvedCountBinding()));
        Button open = new Button(lang("inbox.open"));
        open.setId("openConflict");
        open.setTooltip(new Tooltip(lang("inbox.open.tip")));
        open.disableProperty().bind(conflictList.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        open.getStyleClass().add(Styles.ACCENT);

        conflictList.setId("conflictList");
        conflictList.setItems(vm.conflicts());
        conflictList.setPlaceholder(new Label(lang("inbox.placeholder")));
        conflictList.setCellFactory(lv -> new ConflictCell());
        conflictList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        conflictList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        VBox.setVgrow(conflictList, Priority.ALWAYS);

        Label pendingTitle = new Label();
        pendingTitle.getStyleClass().add(Styles.TITLE_4);
        pendingTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> lang("inbox.pendingTitle", vm.pending().size()), vm.pending()));
        ListView<PendingEdit> pendingList = new ListView<>(vm.pending());
        pendingList.setId("pendingList");
        pendingList.setPlaceholder(new Label(lang("inbox.pendingPlaceholder")));
        pendingList.setCellFactory(lv -> new PendingCell());
        pendingList.setPrefHeight(150);

        Label notice = new Label();
        notice.setId("inboxNotice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());

        getChildren().addAll(header(title, open), conflictList, pendingTitle, pendingList, notice);
    }

    /** Called with the saved record whenever a dialog opened from here writes a resolution (e.g. to refresh a list). */
    public void setOnResolved(Consumer<SaveOutcome.Saved> onResolved) {
        this.onResolved = Objects.requireNonNull(onResolved);
    }

    /** Opens the dialog for {@code conflict} owned by the inbox's window, or brings its open dialog to the front. */
    public ConflictDialog open(Conflict conflict) {
        return open(conflict, getScene() == null ? null : getScene().getWindow());
    }

    /** As {@link #open(Conflict)}, owned by {@code owner} (e.g. the editor's window) when newly opened. */
    public ConflictDialog open(Conflict conflict, Window owner) {
        ConflictDialog existing = openDialogs.get(conflict.conflictId());
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return existing;
        }
        ConflictDialog dialog = new ConflictDialog(vm.dialogFor(conflict), owner);
        dialog.setOnSaved(saved -> {
            vm.resolved(lang("inbox.savedResolution", ConflictSummary.of(conflict).record(),
                    String.valueOf(saved.entity().version())));
            onResolved.accept(saved);
        });
        dialog.setOnHidden(() -> openDialogs.remove(conflict.conflictId()));
        openDialogs.put(conflict.conflictId(), dialog);
        dialog.show();
        return dialog;
    }

    private void openSelected() {
        Conflict selected = conflictList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected);
        }
    }

    private static HBox header(Label title, Button open) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, title, spacer, open);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static VBox lines(ConflictSummary s) {
        Label record = new Label(s.record());
        record.getStyleClass().add(Styles.TEXT_BOLD);
        Label fields = new Label(s.fields());
        Label when = new Label(s.when());
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(2, record, fields, when);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private final class ConflictCell extends ListCell<Conflict> {
        @Override
        protected void updateItem(Conflict conflict, boolean empty) {
            super.updateItem(conflict, empty);
            if (empty || conflict == null) {
                setGraphic(null);
                return;
            }
            Button open = new Button(lang("inbox.open"));
            open.setId("open-" + conflict.conflictId());
            open.getStyleClass().add(Styles.SMALL);
            open.setOnAction(e -> open(conflict));
            HBox row = new HBox(8, lines(ConflictSummary.of(conflict)), open);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }

    private final class PendingCell extends ListCell<PendingEdit> {
        @Override
        protected void updateItem(PendingEdit edit, boolean empty) {
            super.updateItem(edit, empty);
            if (empty || edit == null) {
                setGraphic(null);
                return;
            }
            Button retry = new Button(lang("inbox.retry"));
            retry.setId("retry-" + edit.pendingId());
            retry.getStyleClass().add(Styles.SMALL);
            retry.disableProperty().bind(vm.retryingProperty());
            retry.setOnAction(e -> vm.retry(edit));
            HBox row = new HBox(8, lines(ConflictSummary.of(edit)), retry);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
