package dev.concord.ui.history;

import dev.concord.wording.HistoryWords;

import dev.concord.i18n.Localization;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The change log of the selected record as a table: version, when, who, field, from, to. */
public final class HistoryView extends VBox {

    public HistoryView(HistoryViewModel vm) {
        setId("history");
        setSpacing(6);
        setPadding(new Insets(10));
        TableView<HistoryRow> table = new TableView<>(vm.rows());
        table.setId("history-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        Label nothingOpen = new Label(lang("history.placeholder"));
        // As long as the editor's hint in German; the pane may be narrower.
        nothingOpen.setWrapText(true);
        table.setPlaceholder(nothingOpen);
        table.getColumns().add(column(lang("history.version"), 70, r -> "v" + r.version()));
        table.getColumns().add(column(lang("history.when"), 150, r -> Localization.dateTime(r.at())));
        table.getColumns().add(column(lang("history.who"), 90, HistoryRow::who));
        table.getColumns().add(column(lang("history.field"), 120, r -> r.kind().equals("update") ? r.field()
                : r.field() + " (" + what(r.kind()) + ")"));
        table.getColumns().add(column(lang("history.from"), 150, HistoryRow::from));
        table.getColumns().add(column(lang("history.to"), 150, HistoryRow::to));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().addAll(message, table);
    }

    /** A history entry that is not a field change: created, archived, restored. */
    private static String what(String kind) {
        return HistoryWords.kind(kind);
    }

    private static TableColumn<HistoryRow, String> column(String header, double width,
                                                          Function<HistoryRow, String> text) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(header);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
