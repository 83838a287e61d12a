package dev.concord.client;

import dev.concord.api.FieldError;
import java.util.List;

/** 422 VALIDATION_FAILED (or another 4xx about the input): carries every refused field. */
public final class ValidationFailedException extends ApiException {
    private final List<FieldError> fields;

    public ValidationFailedException(int status, String code, String message, List<FieldError> fields) {
        super(status, code, message);
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
