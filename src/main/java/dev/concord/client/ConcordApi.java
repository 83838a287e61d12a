package dev.concord.client;

import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.util.List;

/**
 * Typed calls on the service. Every method blocks and must not be called on the FX thread. Failures
 * are {@link ApiException} subclasses: {@link VersionConflictException}, {@link ValidationFailedException},
 * {@link AuthException}, {@link NotFoundException}, {@link ServerUnreachableException}, ...
 */
public interface ConcordApi {
    Page list(EntityKind kind, ListQuery query);

    Entity get(EntityKind kind, String id);

    /** The record as it was at {@code version}, rebuilt by the server from its change log. */
    Entity getVersion(EntityKind kind, String id, long version);

    /** Change-log entries, newest first. */
    List<HistoryEntry> history(EntityKind kind, String id);

    /** A versioned write; returns the new record. */
    Entity patch(PatchCall call);

    /** Who the token belongs to ({@code GET /me}). */
    dev.concord.api.Identity whoAmI();

    /** Whether the server answers its health check. */
    boolean healthy();
}
