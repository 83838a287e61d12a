package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Someone's presence on a record: {@code state} is viewing, editing, or left. An announcement holds until
 * {@code expiresAt} unless renewed; clients renew well before (see docs/api.md).
 */
public record Presence(@JsonProperty("actor") String actor,
                       @JsonProperty("entity") String entity,
                       @JsonProperty("id") String id,
                       @JsonProperty("state") String state,
                       @JsonProperty("expiresAt") Instant expiresAt) {
    public static final String VIEWING = "viewing";
    public static final String EDITING = "editing";
    public static final String LEFT = "left";
    /** The SSE event name of a presence change. */
    public static final String EVENT_NAME = "presence";
}
