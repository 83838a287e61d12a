package dev.concord.server.events;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import java.util.List;

/**
 * Where the hub reads events from; the server implements it on its change-log and presence tables. Every
 * method is one short query or transaction, called only by the hub's single reader thread, never per stream.
 */
public interface EventStore {
    /** One change-log row with its event id; {@code event} is null for rows that are not events (refusals). */
    record Row(long eventId, ChangeEvent event) {
    }

    /** One presence change and its position in the presence table's own order. */
    record PresenceChange(long seq, Presence presence) {
    }

    /**
     * Gives committed rows that have no event id yet the next ids, in the order they are found, in one
     * transaction that holds the event counter, so ids become visible strictly in increasing order.
     *
     * @return how many rows got an id
     */
    int assignIds();

    /**
     * As {@link #assignIds}, without first checking whether any row waits for an id: for a reader woken by a
     * write of its own instance, which knows one does (the check would be one more round trip per pass).
     */
    int assignIdsNow();

    /** Rows with an event id above {@code eventId}, in id order, at most {@code limit}. */
    List<Row> after(long eventId, int limit);

    /** The newest {@code limit} events (rows that are events), in id order. */
    List<Row> latest(int limit);

    /** The highest event id given so far (0 when none). */
    long lastAssigned();

    /** Presence changes after {@code seq}, in order, at most {@code limit}. */
    List<PresenceChange> presenceAfter(long seq, int limit);

    long lastPresenceSeq();
}
