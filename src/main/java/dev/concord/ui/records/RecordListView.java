package dev.concord.ui.records;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concord.i18n.DomainWords;
import dev.concord.ui.common.A11y;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Search field, status filter, the table of records and a "Load more" button for the next page. */
public final class RecordListView extends VBox {
    /** The filter's "no filter" choice: a marker, shown as "All statuses". */
    private static final String ALL = "*";

    private final RecordListViewModel vm;
    private final TableView<RecordRow> table = new TableView<>();
    private final TextField search = new TextField();
    private String selectedId;
    private final javafx.beans.binding.StringBinding countText;
    /** Sets every column's widths for the text size (held here: the shared appearance holds it weakly). */
    private final javafx.beans.value.ChangeListener<Number> widthsForTextSize;

    public RecordListView(RecordListViewModel vm, Consumer<RecordRow> onSelect) {
        this.vm = vm;
        String kind = vm.kind().path();
        setId("list-" + kind);
        getStyleClass().add("record-list");
        setSpacing(8);
        setPadding(new Insets(10));

        search.setId("search-" + kind);
        A11y.name(search, lang("a11y.search", DomainWords.plural(vm.kind())));
        search.setPromptText(lang("list.search.prompt", DomainWords.pluralInSentence(vm.kind())));
        search.textProperty().bindBidirectional(vm.searchProperty());
        // Enter goes from the search to the results, so finding and opening a record needs no mouse.
        // The answer to what was just typed may still be on its way: the first row is chosen once it is in, not
        // the first row of the previous answer (typing "sub_0003" and Enter at once opened sub_0001).
        search.setOnAction(e -> {
            table.requestFocus();
            whenLoaded(this::selectFirstResult);
        });
        HBox.setHgrow(search, Priority.ALWAYS);

        HBox toolbar = new HBox(8, search);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        if (!vm.statusChoices().isEmpty()) {
            toolbar.getChildren().add(statusFilter(vm, kind));
        }
        Button refresh = new Button(lang("list.refresh"));
        refresh.setId("refresh-" + kind);
        refresh.setTooltip(new Tooltip(lang("list.refresh.tip")));
        refresh.setOnAction(e -> vm.refresh());
        toolbar.getChildren().add(refresh);

        table.setId("table-" + kind);
        table.setAccessibleText(DomainWords.plural(vm.kind()));
        table.setItems(vm.items());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.answeredProperty())
                .then(lang("list.noMatch", DomainWords.pluralInSentence(vm.kind())))
                .otherwise(lang("list.loading", DomainWords.pluralInSentence(vm.kind()))));
        table.setPlaceholder(placeholder);
        java.util.List<Runnable> widths = new java.util.ArrayList<>();
        for (RecordColumns.Column c : RecordColumns.forKind(vm.kind())) {
            TableColumn<RecordRow, String> column = new TableColumn<>(c.header());
            column.setId("col-" + c.id());
            // Widths grow with the text size: at 200% the ids ("sub_0001") were cut to "sub_00...".
            widths.add(() -> {
                double scale = Appearance.shared().getTextSize() / (double) Appearance.DEFAULT_TEXT_SIZE;
                // The minimum first: a width is clamped to the minimum of the moment, so going back from 200%
                // with the old minimum in place left every column at its large-text width.
                column.setMinWidth(c.minWidth() * scale);
                column.setPrefWidth(c.width() * scale);
            });
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(c.text().apply(cell.getValue())));
            table.getColumns().add(column);
        }
        widths.forEach(Runnable::run);
        widthsForTextSize = (obs, old, size) -> widths.forEach(Runnable::run);
        Appearance.shared().textSizeProperty()
                .addListener(new javafx.beans.value.WeakChangeListener<>(widthsForTextSize));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedId = now.id();
                onSelect.accept(now);
            }
        });
        // Replacing a row's record (after a save or a live update) makes the table drop its selection.
        vm.items().addListener((ListChangeListener<RecordRow>) c -> keepSelection());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button more = new Button(lang("list.loadMore"));
        more.setId("load-more-" + kind);
        more.visibleProperty().bind(vm.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());
        Label count = new Label();
        count.setId("count-" + kind);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        countText = javafx.beans.binding.Bindings.createStringBinding(() -> lang("list.shown", vm.items().size()),
                vm.items());
        count.textProperty().bind(countText);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, count, error, spacer, more);
        footer.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(toolbar, table, footer);
    }

    private static ChoiceBox<String> statusFilter(RecordListViewModel vm, String kind) {
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(vm.statusChoices());
        ChoiceBox<String> filter = new ChoiceBox<>(FXCollections.observableArrayList(choices));
        filter.setId("status-filter-" + kind);
        filter.getStyleClass().add("status-filter");
        A11y.name(filter, lang("a11y.statusFilter"));
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String wire) {
                return wire == null || ALL.equals(wire) ? lang("list.allStatuses") : Labels.ofWire(wire);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        filter.setValue(ALL);
        filter.valueProperty().addListener((obs, old, now) ->
                vm.statusFilterProperty().set(ALL.equals(now) ? null : now));
        return filter;
    }

    private void selectFirstResult() {
        if (!table.getItems().isEmpty() && vm.errorProperty().get().isEmpty()) {
            table.getSelectionModel().selectFirst();
            table.getFocusModel().focus(0);
        }
    }

    /** Runs {@code then} now if the list has its latest answer, else once it arrives (once). */
    private void whenLoaded(Runnable then) {
        if (!vm.loadingProperty().get()) {
            then.run();
            return;
        }
        vm.loadingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    obs.removeListener(this);
                    then.run();
                }
            }
        });
    }

    /** Moves the keyboard focus to the search field. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void keepSelection() {
        if (selectedId == null || !table.getSelectionModel().isEmpty()) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(selectedId)) {
                table.getSelectionModel().select(i);
                return;
            }
        }
    }

    public TableView<RecordRow> table() {
        return table;
    }
}
