package dev.concord.domain;

import java.time.Instant;

/** What the server keeps about every record besides its fields. {@code version} starts at 1. */
public record RecordMeta(String id, long version, Instant createdAt, Instant updatedAt, String updatedBy) {
}
