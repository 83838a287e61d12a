package dev.concord.sync;

import dev.concord.api.HistoryEntry;
import dev.concord.client.ApiException;
import dev.concord.client.ConcordApi;
import dev.concord.client.NotFoundException;
import dev.concord.client.RateLimitedException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.domain.Entity;
import java.util.List;

/**
 * The base of an edit kept offline on a record never fetched: the record as it was when the edit was made (the
 * newest version written at or before then), read from the record's history once the server answers.
 */
final class PendingBase {
    private PendingBase() {
    }

    /**
     * Stores {@code edit} with its base found and returns null to go on with the retry, or returns the outcome
     * to stop with (still unreachable: kept pending; the record is gone: dropped; any other refusal).
     */
    static SaveOutcome find(ConcordApi api, ConflictStore store, PendingEdit edit) {
        Entity base;
        try {
            Entity current = api.get(edit.kind(), edit.entityId());
            long at = 1;
            for (HistoryEntry h : api.history(edit.kind(), edit.entityId())) {
                boolean write = !HistoryEntry.CONFLICT.equals(h.kind()) && !HistoryEntry.REBASED.equals(h.kind());
                if (write && !h.at().isAfter(edit.createdAt()) && h.version() > at) {
                    at = h.version();
                }
            }
            base = at >= current.version() ? current : api.getVersion(edit.kind(), edit.entityId(), at);
        } catch (ServerUnreachableException | RateLimitedException e) {
            store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), null, edit.mine(),
                    edit.idempotencyKey(), edit.createdAt(), Reason.from(e)));
            return new SaveOutcome.Pending(store.pendingEdit(edit.pendingId()).orElseThrow(), Reason.from(e));
        } catch (NotFoundException e) {
            store.removePending(edit.pendingId());
            return new SaveOutcome.Failed(Reason.from(e));
        } catch (ApiException e) {
            return new SaveOutcome.Failed(Reason.from(Reason.Code.REREAD_FAILED, e));
        }
        store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), base,
                base.values().withAll(edit.mine().asMap()), edit.idempotencyKey(), edit.createdAt(), edit.lastError()));
        return null;
    }
}
