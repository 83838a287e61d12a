package dev.concord.client;

import dev.concord.api.ChangedField;
import dev.concord.domain.Entity;
import java.util.List;

/** 409/412 CONFLICT_VERSION_MISMATCH: the record moved on; carries its current state and what changed. */
public final class VersionConflictException extends ApiException {
    private final Entity current;
    private final long currentVersion;
    private final List<ChangedField> changedSince;

    public VersionConflictException(int status, String message, Entity current, long currentVersion,
                                    List<ChangedField> changedSince) {
        super(status, "CONFLICT_VERSION_MISMATCH", message);
        this.current = current;
        this.currentVersion = currentVersion;
        this.changedSince = List.copyOf(changedSince);
    }

    /** The record as the server holds it now; may be null if the server did not send it. */
    public Entity current() {
        return current;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public List<ChangedField> changedSince() {
        return changedSince;
    }
}
