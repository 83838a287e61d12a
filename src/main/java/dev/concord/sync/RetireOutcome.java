package dev.concord.sync;

import dev.concord.api.ChangedField;
import dev.concord.api.DeletedRecord;
import dev.concord.api.Dependents;
import dev.concord.domain.Entity;
import java.util.List;

/** What became of one retire (soft delete). */
public sealed interface RetireOutcome {
    /** Retired; an admin can restore it. */
    record Retired(DeletedRecord deleted) implements RetireOutcome {
    }

    /**
     * Not retired: the record changed after the version the person saw. Like a conflicting edit it goes back
     * to the person, with what changed and by whom; retiring {@code current} is a new, informed decision.
     * {@code seenVersion} is the version the person saw.
     */
    record Stale(Entity current, List<ChangedField> changedSince, long seenVersion) implements RetireOutcome {
        public Stale {
            changedSince = List.copyOf(changedSince);
        }
    }

    /**
     * Refused: not allowed, or live records still refer to it ({@code dependents}, by kind, with the first ids;
     * empty for any other refusal).
     */
    record Refused(Reason reason, List<Dependents> dependents) implements RetireOutcome {
        public Refused {
            dependents = List.copyOf(dependents);
        }

        /** Refused for a reason that names no records. */
        public Refused(Reason reason) {
            this(reason, List.of());
        }
    }

    /** There is no live record any more (retired by someone, or by an earlier attempt whose answer was lost). */
    record AlreadyGone(Reason reason) implements RetireOutcome {
    }

    /** The server could not be reached; nothing is known to have happened. */
    record Unreachable(Reason reason) implements RetireOutcome {
    }
}
