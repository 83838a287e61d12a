package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One change-log row. {@code kind} is update, override or conflict; a conflict row records a refused
 * write ({@code version} is then the version the server held). {@code reason} only on overrides.
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

    public HistoryEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
