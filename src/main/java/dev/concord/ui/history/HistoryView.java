package dev.concord.ui.history;

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
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public HistoryView(HistoryViewModel vm) {
        setId("history");
        setSpacing(6);
        setPadding(new Insets(10));
        TableView<HistoryRow> table = new TableView<>(vm.rows());
        table.setId("history-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label("Select a record to see its history"));
        table.getColumns().add(column("Version", 70, r -> "v" + r.version()));
        table.getColumns().add(column("When", 150, r -> r.at() == null ? "" : WHEN.format(r.at())));
        table.getColumns().add(column("Who", 90, HistoryRow::who));
        table.getColumns().add(column("Field", 120, r -> r.kind().equals("update") ? r.field()
                : r.field() + " (" + r.kind() + ")"));
        table.getColumns().add(column("From", 150, HistoryRow::from));
        table.getColumns().add(column("To", 150, HistoryRow::to));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().addAll(message, table);
    }

    private static TableColumn<HistoryRow, String> column(String header, double width,
                                                          Function<HistoryRow, String> text) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(header);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
