package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The answer to a DELETE: which record was retired, its version after the delete (the change-log row's
 * version), and who retired it when. The record itself is kept for its history; an admin may restore it.
 */
public record DeletedRecord(@JsonProperty("entity") String entity,
                            @JsonProperty("id") String id,
                            @JsonProperty("version") long version,
                            @JsonProperty("deletedAt") Instant deletedAt,
                            @JsonProperty("deletedBy") String deletedBy) {
}
