package dev.concord.api;

import java.util.List;

/** Field values a client sent that the contract refuses; carries every refused field. */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> fields;

    public ValidationException(List<FieldError> fields) {
        super(describe(fields));
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }

    private static String describe(List<FieldError> fields) {
        return String.join("; ", fields.stream().map(FieldError::message).toList());
    }
}
