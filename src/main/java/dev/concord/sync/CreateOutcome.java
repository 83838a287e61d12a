package dev.concord.sync;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import java.util.List;

/** What became of one create. */
public sealed interface CreateOutcome {
    /** Created, at version 1 (or the first answer again, when a retry of the same create). */
    record Created(Entity entity) implements CreateOutcome {
    }

    /** Refused for a reason a retry cannot fix: invalid fields, a taken id, not allowed. */
    record Refused(Reason reason, List<FieldError> fieldErrors) implements CreateOutcome {
        public Refused {
            fieldErrors = List.copyOf(fieldErrors);
        }
    }

    /**
     * The server could not be reached, so it is unknown whether the record was made. Sending the create
     * again with {@code idempotencyKey} is safe: the server answers the first create if there was one.
     */
    record Unreachable(Reason reason, String idempotencyKey) implements CreateOutcome {
    }
}
