package dev.concord.client;

import dev.concord.api.Dependents;
import dev.concord.api.FieldError;
import java.util.List;

/**
 * The server refused the request as it stands (4xx other than a version conflict): refused fields, an id already
 * taken, or ({@code HAS_DEPENDENTS}) live records that still refer to the record, named in {@link #dependents()}.
 */
public final class ValidationFailedException extends ApiException {
    private final List<FieldError> fields;
    private final List<Dependents> dependents;

    public ValidationFailedException(int status, String code, String message, List<FieldError> fields) {
        this(status, code, message, fields, List.of());
    }

    public ValidationFailedException(int status, String code, String message, List<FieldError> fields,
                                     List<Dependents> dependents) {
        super(status, code, message);
        this.fields = List.copyOf(fields);
        this.dependents = List.copyOf(dependents);
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** For {@code HAS_DEPENDENTS}: the live records that refer to the record, by kind; otherwise empty. */
    public List<Dependents> dependents() {
        return dependents;
    }
}
