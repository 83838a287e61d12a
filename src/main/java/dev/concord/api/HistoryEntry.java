package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One change-log row. {@code kind} is create, update, override, delete, restore or conflict; a conflict row
 * records a refused write ({@code version} is then the version the server held). {@code reason} only on
 * overrides, restores and refused deletes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(@JsonProperty("seq") long seq,
                           @JsonProperty("entity") String entity,
                           @JsonProperty("id") String id,
                           @JsonProperty("version") long version,
                           @JsonProperty("actor") String actor,
                           @JsonProperty("at") Instant at,
                           @JsonProperty("kind") String kind,
                           @JsonProperty("changes") List<FieldChange> changes,
                           @JsonProperty("reason") String reason) {
    public static final String UPDATE = "update";
    public static final String OVERRIDE = "override";
    public static final String CONFLICT = "conflict";
    /**
     * As the history shows a refused stale write whose writer then merged it onto the newer version and
     * saved it (their next row on the record is a committed write): no person had to decide anything.
     * Stored as a conflict row; a conflict still shown as {@link #CONFLICT} was not saved that way.
     */
    public static final String REBASED = "rebased";
    /** The record was created (POST or import); {@code changes} hold every field from null. */
    public static final String CREATE = "create";
    /** The record was retired (soft delete); it is kept, hidden from reads, and can be restored. */
    public static final String DELETE = "delete";
    /** An admin brought a retired record back. */
    public static final String RESTORE = "restore";

    public HistoryEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
