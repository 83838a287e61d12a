package dev.concord.domain;

import java.time.Instant;

/** A versioned record: a subscription, plan or invoice. */
public sealed interface Entity permits Subscription, Plan, Invoice {
    EntityKind kind();

    String id();

    long version();

    Instant createdAt();

    Instant updatedAt();

    String updatedBy();

    /** The editable fields, in {@link EntityKind#fields()} order. */
    FieldValues values();

    default RecordMeta meta() {
        return new RecordMeta(id(), version(), createdAt(), updatedAt(), updatedBy());
    }

    /** This record with other field values and the same metadata. */
    default Entity withValues(FieldValues values) {
        return kind().create(meta(), values);
    }
}
