package dev.concord.server;

import dev.concord.api.ChangedField;
import dev.concord.api.DeletedRecord;
import dev.concord.api.Dependents;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import java.util.List;

/** What a create, delete or restore came to. */
sealed interface LifecycleOutcome {
    /** Created or restored: the record now and the change-log row written with it. */
    record Written(Entity entity, HistoryEntry entry) implements LifecycleOutcome {
    }

    /** Retired: the record is kept, hidden from reads; {@code entry} is the delete's change-log row. */
    record Deleted(DeletedRecord deleted, HistoryEntry entry) implements LifecycleOutcome {
    }

    /** The id is taken; {@code current} is the live record holding it, null when it is a retired one. */
    record AlreadyExists(String id, Entity current) implements LifecycleOutcome {
    }

    /** A delete based on an older version; nothing was written. */
    record Stale(Entity current, List<ChangedField> changedSince) implements LifecycleOutcome {
    }

    /** A delete refused because live records point to this one. */
    record HasDependents(List<Dependents> dependents) implements LifecycleOutcome {
    }

    /** Restore of a record that is live. */
    record NotDeleted(Entity current) implements LifecycleOutcome {
    }

    /** No record with that id (or, for a delete, none that is live). */
    record NotFound() implements LifecycleOutcome {
    }

    /** A twin request with the same idempotency key committed meanwhile; answer as it was answered. */
    record AnsweredMeanwhile() implements LifecycleOutcome {
    }
}
