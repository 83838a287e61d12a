package dev.concord.sync;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import java.util.List;

/** What became of one save. */
public sealed interface SaveOutcome {
    /** Written; {@code mergedFromOthers} lists other writers' changes kept by a clean rebase. */
    record Saved(Entity entity, List<MergedChange> mergedFromOthers, int attempts) implements SaveOutcome {
        public Saved {
            mergedFromOthers = List.copyOf(mergedFromOthers);
        }
    }

    /** A true conflict, now in the conflict store. */
    record NeedsResolution(Conflict conflict) implements SaveOutcome {
    }

    /** The server could not be reached; the edit is kept as pending and can be retried. */
    record Pending(PendingEdit edit, Reason reason) implements SaveOutcome {
    }

    /** Refused for a reason a retry cannot fix (validation, auth, not found, retries exhausted). */
    record Failed(Reason reason, List<FieldError> fieldErrors) implements SaveOutcome {
        public Failed {
            fieldErrors = List.copyOf(fieldErrors);
        }

        /** Refused with no field named. */
        public Failed(Reason reason) {
            this(reason, List.of());
        }
    }
}
