package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * Someone's presence on a record: {@code state} is viewing, editing, or left. An announcement holds until
 * {@code expiresAt} unless renewed; clients renew well before (see docs/api.md). {@code expiresIn} is the
 * same moment as whole seconds from when the server sent it, so that a client whose clock differs from the
 * server's can still tell when it lapses (null from servers that predate it).
 */
public record Presence(@JsonProperty("actor") String actor,
                       @JsonProperty("entity") String entity,
                       @JsonProperty("id") String id,
                       @JsonProperty("state") String state,
                       @JsonProperty("expiresAt") Instant expiresAt,
                       @JsonProperty("expiresIn") @JsonInclude(JsonInclude.Include.NON_NULL) Long expiresIn) {
    public static final String VIEWING = "viewing";
    public static final String EDITING = "editing";
    public static final String LEFT = "left";
    /** The SSE event name of a presence change. */
    public static final String EVENT_NAME = "presence";

    /** A presence without {@code expiresIn} (as older servers sent it). */
    public Presence(String actor, String entity, String id, String state, Instant expiresAt) {
        this(actor, entity, id, state, expiresAt, null);
    }

    /** This presence with {@code expiresIn} counted from {@code now} on the server's clock (never negative). */
    public Presence expiringFrom(Instant now) {
        long seconds = expiresAt == null ? 0 : Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return new Presence(actor, entity, id, state, expiresAt, seconds);
    }
}
