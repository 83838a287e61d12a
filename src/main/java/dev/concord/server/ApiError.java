package dev.concord.server;

import dev.concord.api.ErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal meant for the client: status, machine-readable code, a message for people, and details. */
final class ApiError extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final Map<String, Object> details;

    ApiError(ErrorCode code, String message) {
        this(code.status(), code, message, Map.of());
    }

    ApiError(int status, ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    /** Extra members of the {@code error} object, e.g. {@code fields}, {@code current}. */
    Map<String, Object> details() {
        return details;
    }
}
