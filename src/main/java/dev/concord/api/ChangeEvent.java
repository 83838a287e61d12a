package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One event of {@code GET /api/v1/events}: a committed write. {@code seq} is its event id, given in commit
 * order, and the SSE event id (send it back as {@code Last-Event-ID} to resume); {@code kind} is create, update,
 * override, delete or restore;
 * {@code fields} names the changed fields, never their values.
 */
public record ChangeEvent(@JsonProperty("seq") long seq,
                          @JsonProperty("entity") String entity,
                          @JsonProperty("id") String id,
                          @JsonProperty("version") long version,
                          @JsonProperty("actor") String actor,
                          @JsonProperty("at") Instant at,
                          @JsonProperty("kind") String kind,
                          @JsonProperty("fields") List<String> fields) {
    /** The SSE event name of a change. */
    public static final String EVENT_NAME = "change";
    /** The SSE event name sent just before the server drops a subscriber that fell too far behind. */
    public static final String OVERFLOW_EVENT_NAME = "overflow";
    /**
     * The SSE event name that says the stream could not resume where the client asked (its Last-Event-ID is
     * ahead of the server's log or older than what it can replay): reload, then carry on from its id.
     */
    public static final String RESET_EVENT_NAME = "reset";

    public ChangeEvent {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static ChangeEvent of(HistoryEntry e) {
        return new ChangeEvent(e.seq(), e.entity(), e.id(), e.version(), e.actor(), e.at(), e.kind(),
                e.changes().stream().map(FieldChange::field).toList());
    }
}
