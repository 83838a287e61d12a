package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * In a 409: a field that changed after the client's version. {@code baseValue} is its value at the
 * client's version, {@code currentValue} its value now, wire form; who changed it last, and when.
 */
public record ChangedField(@JsonProperty("field") String field,
                           @JsonProperty("baseValue") Object baseValue,
                           @JsonProperty("currentValue") Object currentValue,
                           @JsonProperty("changedBy") String changedBy,
                           @JsonProperty("changedAt") Instant changedAt) {
}
