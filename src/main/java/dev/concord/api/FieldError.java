package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One refused field in a {@code VALIDATION_FAILED} error. {@code code} is one of
 * UNKNOWN_FIELD, READ_ONLY, INVALID_VALUE.
 */
public record FieldError(@JsonProperty("field") String field,
                         @JsonProperty("code") String code,
                         @JsonProperty("message") String message) {
}
