package dev.concord.ui.editor;

import dev.concord.sync.Reason;
import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.sync.CreateOutcome;
import dev.concord.sync.LifecycleCoordinator;
import dev.concord.sync.SaveOutcome;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The saver of a new record's editor: Save creates it through the {@link LifecycleCoordinator}. A save
 * that could not reach the server keeps its idempotency key, so saving the same values again cannot make
 * a second record; changed values are a new request with a new key. Blocking, like every saver.
 */
public final class NewRecordSaver implements RecordSaver {
    private final LifecycleCoordinator lifecycle;
    private final RecordSaver existing;
    private String key = UUID.randomUUID().toString();
    private FieldValues lastSent;

    /** {@code existing} saves once the record exists (an editor keeps its saver). */
    public NewRecordSaver(LifecycleCoordinator lifecycle, RecordSaver existing) {
        this.lifecycle = lifecycle;
        this.existing = existing;
    }

    @Override
    public synchronized SaveOutcome save(Entity base, FieldValues mine) {
        if (!NewRecords.isDraft(base)) {
            return existing.save(base, mine);
        }
        if (lastSent != null && !Objects.equals(lastSent, mine)) {
            key = UUID.randomUUID().toString();
        }
        lastSent = mine;
        CreateOutcome outcome = lifecycle.create(base.kind(), null, mine, key);
        if (outcome instanceof CreateOutcome.Created c) {
            return new SaveOutcome.Saved(c.entity(), List.of(), 1);
        }
        if (outcome instanceof CreateOutcome.Unreachable u) {
            Reason lost = u.reason();
            return new SaveOutcome.Failed(new Reason(Reason.Code.CREATE_UNCONFIRMED, lost.errorCode(), lost.status(), 0,
                    null, lost.detail()));
        }
        CreateOutcome.Refused r = (CreateOutcome.Refused) outcome;
        return new SaveOutcome.Failed(r.reason(), r.fieldErrors());
    }
}
