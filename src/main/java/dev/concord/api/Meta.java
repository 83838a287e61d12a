package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The {@code meta} object of every response. {@code nextCursor} only on list pages that have more. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(@JsonProperty("timestamp") Instant timestamp,
                   @JsonProperty("requestId") String requestId,
                   @JsonProperty("apiVersion") int apiVersion,
                   @JsonProperty("nextCursor") String nextCursor) {
}
