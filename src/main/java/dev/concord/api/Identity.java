package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /me}: who the bearer token belongs to. {@code role} is viewer, agent or admin. */
public record Identity(@JsonProperty("actor") String actor, @JsonProperty("role") String role) {
}
