package dev.concord.ui.editor;

import dev.concord.ui.common.People;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concord.domain.FieldType;
import dev.concord.ui.common.NoticeLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The form of one open record: a row per field (label, control, message), a header with the record and
 * its version, and Save / Revert with the notice after a save. Binds only; all logic is in the view model.
 */
public final class EditorView extends BorderPane {
    private static final PseudoClass DIRTY = PseudoClass.getPseudoClass("dirty");

    /** Kept in a field: a binding only referenced by a control's property may be collected (JabRef #6129). */
    private final StringBinding versionText;
    /**
     * Listeners this view puts on the (longer-lived) view model, held here and registered weakly, so a
     * closed editor view does not stay reachable from the view model it showed.
     */
    private final java.util.List<Object> strongRefs = new java.util.ArrayList<>();

    public EditorView(EditorViewModel vm) {
        setId("editor");
        getStyleClass().add("editor");

        Label title = new Label();
        title.setId("editor-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.titleProperty());
        Label version = new Label();
        version.setId("editor-version");
        version.getStyleClass().add(Styles.TEXT_MUTED);
        versionText = Bindings.createStringBinding(() -> {
            var base = vm.getBase();
            return lang("editor.version", String.valueOf(base.version()), People.displayName(base.updatedBy()));
        }, vm.baseProperty());
        version.textProperty().bind(versionText);
        Label dirtyMark = new Label(lang("editor.unsaved"));
        dirtyMark.setId("editor-dirty");
        dirtyMark.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        dirtyMark.visibleProperty().bind(vm.dirtyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // A narrow editor pane (German at 1200 px) cut both to "zuletzt geändert von S…" and "Ungespeicherte
        // Änderun…": the mark keeps its words, the version line wraps instead.
        dirtyMark.setMinWidth(Region.USE_PREF_SIZE);
        version.setWrapText(true);
        HBox subtitle = new HBox(10, version, spacer, dirtyMark);
        subtitle.setAlignment(Pos.BASELINE_LEFT);
        VBox header = new VBox(2, title, subtitle);
        header.setPadding(new Insets(12, 16, 8, 16));
        setTop(header);

        ScrollPane scroll = new ScrollPane(form(vm, strongRefs));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        dev.concord.ui.common.KeyboardScrolling.followFocus(scroll);
        setCenter(scroll);
        setBottom(footer(vm, strongRefs));
        disableWhileSaving(scroll, vm);
    }

    /** Puts {@code banner} (the moved-record banner of ui.live) between the header and the form. */
    public void showBanner(Node banner) {
        setTop(new VBox(getTop(), banner));
    }

    private static GridPane form(EditorViewModel vm, java.util.List<Object> refs) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("editor-form");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8, 16, 16, 16));
        // As wide as the longest label up to a limit (labels grow with the text size and the language), then they wrap.
        ColumnConstraints labels = new ColumnConstraints(90, Region.USE_COMPUTED_SIZE, 260);
        // Labels stay on one line up to the maximum (the editor beside the list is wide enough; stacked, it is wider).
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
        int row = 0;
        for (FieldModel<?> field : vm.fields()) {
            Label label = new Label(dev.concord.i18n.DomainWords.field(field.spec()));
            label.setId("label-" + field.name());
            label.getStyleClass().add("field-label");
            label.setWrapText(true);
            Node control = FieldControls.controlFor(field, label.getText());
            label.setLabelFor(control);
            Label error = new Label();
            error.setId("error-" + field.name());
            error.getStyleClass().addAll("field-error", Styles.TEXT_SMALL, Styles.DANGER);
            error.setWrapText(true);
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            ChangeListener<Boolean> onDirty = (obs, was, dirty) -> markDirty(label, control, dirty);
            ChangeListener<String> onError = (obs, was, now) ->
                    control.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty());
            refs.add(onDirty);
            refs.add(onError);
            field.dirtyProperty().addListener(new WeakChangeListener<>(onDirty));
            field.errorProperty().addListener(new WeakChangeListener<>(onError));
            markDirty(label, control, field.isDirty());
            control.pseudoClassStateChanged(Styles.STATE_DANGER, !field.getError().isEmpty());
            boolean tall = field.spec().type() == FieldType.LONG_TEXT || field.spec().type() == FieldType.TAG_SET
                    || field.spec().type() == FieldType.STRING_LIST;
            GridPane.setValignment(label, tall ? VPos.TOP : VPos.CENTER);
            if (tall) {
                label.setPadding(new Insets(6, 0, 0, 0));
            }
            grid.add(label, 0, row);
            grid.add(new VBox(2, control, error), 1, row);
            row++;
        }
        return grid;
    }

    /** Puts the keyboard focus on the first field, so an agent can go from the table to editing without the mouse. */
    public void focusFirstField() {
        javafx.scene.Node first = lookup(".editor-form .text-input");
        if (first != null) {
            first.requestFocus();
        }
    }

    private static void markDirty(Label label, Node control, boolean dirty) {
        label.pseudoClassStateChanged(DIRTY, dirty);
        control.pseudoClassStateChanged(DIRTY, dirty);
    }

    private static HBox footer(EditorViewModel vm, java.util.List<Object> refs) {
        Button save = new Button(lang("editor.save"));
        save.setId("save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setTooltip(new Tooltip(lang("editor.save.tip")));
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button revert = new Button(lang("editor.revert"));
        revert.setId("revert");
        revert.setTooltip(new Tooltip(lang("editor.revert.tip")));
        revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        revert.setOnAction(e -> vm.revert());
        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        ChangeListener<NoticeLevel> onLevel = (obs, old, now) -> styleNotice(notice, now);
        refs.add(onLevel);
        vm.noticeLevelProperty().addListener(new WeakChangeListener<>(onLevel));
        styleNotice(notice, vm.noticeLevelProperty().get());
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        // A long notice wraps; the buttons keep their words (German at 1200 px showed "Ver…" and "Spe…").
        revert.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        notice.setMinWidth(0);
        HBox footer = new HBox(8, notice, revert, save);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(10, 16, 12, 16));
        footer.getStyleClass().add("editor-footer");
        return footer;
    }

    private static void styleNotice(Label notice, NoticeLevel level) {
        notice.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        switch (level) {
            case SUCCESS -> notice.getStyleClass().add(Styles.SUCCESS);
            case WARNING -> notice.getStyleClass().add(Styles.WARNING);
            case ERROR -> notice.getStyleClass().add(Styles.DANGER);
            default -> notice.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }

    private static void disableWhileSaving(Node form, EditorViewModel vm) {
        form.disableProperty().bind(vm.savingProperty());
    }
}
