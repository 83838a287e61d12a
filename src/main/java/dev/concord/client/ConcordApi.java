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

    /**
     * Creates a record ({@code POST}); the same {@link CreateCall#idempotencyKey()} on a retry answers the
     * first create again instead of making a second record. Returns the record at version 1.
     * Implementations that cannot write (read-only test doubles) keep this default, which refuses.
     *
     * @throws ValidationFailedException 422 naming the refused fields, or 409 ALREADY_EXISTS for a taken id
     */
    default Entity create(CreateCall call) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not create records");
    }

    /**
     * Retires a record at {@code version} ({@code DELETE}, a soft delete an admin can undo).
     *
     * @throws VersionConflictException  the record moved on since {@code version} (carries the current record)
     * @throws ValidationFailedException 409 HAS_DEPENDENTS when live records still point to it
     * @throws NotFoundException         no such live record (already retired, or never there)
     */
    default dev.concord.api.DeletedRecord delete(EntityKind kind, String id, long version) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not delete records");
    }

    /** Who the token belongs to ({@code GET /me}). */
    dev.concord.api.Identity whoAmI();

    /** Whether the server answers its health check. */
    boolean healthy();
}
