package dev.concord.server;

import dev.concord.api.ChangedField;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import java.util.List;

/** What a versioned write came to. */
sealed interface WriteOutcome {
    /**
     * Committed: the new record and the change-log row written with it. A no-op write (every field already
     * at the value sent) is answered as written with the unchanged record and no entry: nothing was written.
     */
    record Written(Entity entity, HistoryEntry entry) implements WriteOutcome {
    }

    /** Refused because the record moved on; {@code current} as read in the same request. */
    record Conflict(Entity current, List<ChangedField> changedSince) implements WriteOutcome {
    }

    /** Not written because a twin request with the same idempotency key was answered meanwhile. */
    record AnsweredMeanwhile() implements WriteOutcome {
    }

    /** No record with that id. */
    record NotFound() implements WriteOutcome {
    }
}
