package dev.concord.ui.editor;

import static dev.concord.i18n.Localization.lang;

import dev.concord.ui.common.Labels;
import java.time.LocalDate;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Picks and binds the control for a field by its type; the control's id is {@code field-<name>}. */
final class FieldControls {
    private FieldControls() {
    }

    @SuppressWarnings("unchecked")
    /** {@code name} is the field's label as shown, for controls whose parts need naming (the tag entry). */
    static Node controlFor(FieldModel<?> field, String name) {
        String id = "field-" + field.name();
        Node control = switch (field.spec().type()) {
            case ENUM -> choice((FieldModel<String>) field);
            case DATE -> date((FieldModel<LocalDate>) field, name);
            case BOOLEAN -> check((FieldModel<Boolean>) field);
            case TAG_SET, STRING_LIST -> tags((FieldModel<List<String>>) field, id, name);
            case LONG_TEXT -> area((FieldModel<String>) field);
            default -> text((FieldModel<String>) field);
        };
        control.setId(id);
        return control;
    }

    private static ChoiceBox<String> choice(FieldModel<String> field) {
        ChoiceBox<String> box = new ChoiceBox<>(FXCollections.observableArrayList(field.spec().allowedValues()));
        box.setConverter(Labels.wireNames());
        box.valueProperty().bindBidirectional(field.inputProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static DatePicker date(FieldModel<LocalDate> field, String name) {
        DatePicker picker = new DatePicker();
        // A date picker is read by its text alone ("2026-12-01"): say which date it is.
        picker.accessibleTextProperty().bind(picker.valueProperty().map(d ->
                lang("a11y.nameAndValue", name, d.toString())).orElse(name));
        picker.valueProperty().bindBidirectional(field.inputProperty());
        // A typed date counts at once, so Ctrl+S right after typing saves it (DatePicker commits on Enter only).
        picker.getEditor().textProperty().addListener((obs, old, text) -> {
            if (text == null || text.isBlank()) {
                picker.setValue(null);
                return;
            }
            try {
                picker.setValue(java.time.LocalDate.parse(text.trim()));
            } catch (java.time.format.DateTimeParseException notYetADate) {
                // Half-typed: keep the last complete date until the text is one.
            }
        });
        picker.setPromptText(lang("editor.date.prompt"));
        // ISO dates, as in the table and on the wire, whatever the machine's locale.
        picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setMaxWidth(Double.MAX_VALUE);
        return picker;
    }

    private static CheckBox check(FieldModel<Boolean> field) {
        CheckBox box = new CheckBox();
        box.selectedProperty().bindBidirectional(field.inputProperty());
        return box;
    }

    private static TagEditor tags(FieldModel<List<String>> field, String id, String name) {
        TagEditor editor = new TagEditor(id, name);
        editor.tagsProperty().bindBidirectional(field.inputProperty());
        return editor;
    }

    private static TextArea area(FieldModel<String> field) {
        TextArea area = dev.concord.ui.common.TabLeaves.of(new TextArea());
        area.setWrapText(true);
        area.setPrefRowCount(8);
        area.textProperty().bindBidirectional(field.inputProperty());
        return area;
    }

    private static TextField text(FieldModel<String> field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.inputProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        return text;
    }
}
