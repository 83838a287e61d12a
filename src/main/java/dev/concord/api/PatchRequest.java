package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** PATCH body: the version the change is based on, and only the changed fields in wire form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchRequest(@JsonProperty("version") Long version,
                           @JsonProperty("changes") Map<String, Object> changes) {
}
