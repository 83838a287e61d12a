package dev.concord.ui.editor;

import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.InvalidFieldValueException;
import dev.concord.i18n.DomainWords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One field of an open record: what the control holds ({@link #inputProperty()}), whether that is a value
 * the field accepts (checked with {@link FieldSpec#parse} on every change, so a bad amount is refused at
 * the field before anything is sent), and whether it differs from the record the edit is based on.
 *
 * <p>The input type follows the control: String for text, money, currency, references and enums,
 * LocalDate for dates, Boolean for check boxes, List of String for tags and lists.
 *
 * @param <T> the type the field's control edits
 */
public final class FieldModel<T> {
    private final FieldSpec spec;
    private final ObjectProperty<T> input = new SimpleObjectProperty<>(this, "input");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private Object baseValue;
    private Object parsed;

    FieldModel(FieldSpec spec, Object canonical) {
        this.spec = spec;
        input.addListener((obs, old, now) -> revalidate());
        reset(canonical);
    }

    public FieldSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** Sets the field back to {@code canonical} and makes that its unchanged state. */
    void reset(Object canonical) {
        baseValue = canonical;
        input.set(toInput(canonical));
        revalidate();
    }

    /** Puts {@code canonical} in the field as the agent's edit (the base value stays). */
    void edit(Object canonical) {
        input.set(toInput(canonical));
    }

    /** A message from the server about this field; it stays until the agent changes the field. */
    void showServerError(String message) {
        error.set(message);
    }

    /** The accepted value in canonical form; only meaningful while {@link #isValid()}. */
    Object value() {
        return parsed;
    }

    private void revalidate() {
        try {
            parsed = spec.parse(fromInput(input.get()));
            error.set("");
            valid.set(true);
            dirty.set(!Objects.equals(parsed, baseValue));
        } catch (InvalidFieldValueException e) {
            parsed = null;
            error.set(DomainWords.invalid(e));
            valid.set(false);
            dirty.set(true);
        }
    }

    @SuppressWarnings("unchecked")
    private T toInput(Object canonical) {
        Object shown = switch (spec.type()) {
            case DATE -> canonical;
            case BOOLEAN -> Boolean.TRUE.equals(canonical);
            case TAG_SET, STRING_LIST -> canonical == null ? List.of() : List.copyOf((Collection<?>) canonical);
            case ENUM -> canonical;
            default -> spec.display(canonical);
        };
        return (T) shown;
    }

    private Object fromInput(Object raw) {
        return switch (spec.type()) {
            case DATE -> raw == null ? null : ((LocalDate) raw).toString();
            case BOOLEAN -> Boolean.TRUE.equals(raw);
            case TAG_SET, STRING_LIST -> raw == null ? List.of() : new ArrayList<>((Collection<?>) raw);
            case ENUM -> raw;
            default -> blankIsAbsent(raw);
        };
    }

    private Object blankIsAbsent(Object raw) {
        boolean blank = raw == null || raw.toString().isBlank();
        if (blank && !spec.required()) {
            return null;
        }
        if (raw == null) {
            return "";
        }
        // Money and codes typed with stray spaces are still what the agent meant; free text is kept as typed.
        return spec.type() == FieldType.MONEY || spec.type() == FieldType.CURRENCY ? raw.toString().trim() : raw;
    }

    /** What the control edits; bind the control to this bidirectionally. */
    public ObjectProperty<T> inputProperty() {
        return input;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
