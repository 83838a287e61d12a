package dev.concord.server;

import dev.concord.api.ChangeEvent;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.server.events.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The change log and presence tables as the event hub reads them. Event ids are given after commit by
 * {@link #assignIds}, one stamping transaction at a time (it holds the single event_counter row), which is
 * what makes them appear in increasing order to every reader: no gap ever has to be waited out.
 */
final class ChangeLogEvents implements EventStore {
    private static final String COLUMNS = "event_id, entity, entity_id, version, actor, changed_at, kind, changes";
    private static final int STAMP_BATCH = 1000;

    private final Database db;

    ChangeLogEvents(Database db) {
        this.db = db;
    }

    @Override
    public int assignIds() {
        // Cheap check first, without the lock: usually every row has its id already.
        if (db.readOnce(c -> unstamped(c, 1)).isEmpty()) {
            return 0;
        }
        return assignIdsNow();
    }

    @Override
    public int assignIdsNow() {
        return db.inTransaction(c -> {
            long last;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_event_id FROM event_counter WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
            if (RowWrites.isPostgres(c)) {
                return stampInOneStatement(c, last);
            }
            // Read after taking the lock: rows another stamper numbered meanwhile are committed and skipped.
            List<Long> seqs = unstamped(c, STAMP_BATCH);
            if (seqs.isEmpty()) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_log SET event_id = ? WHERE seq = ?")) {
                for (long seq : seqs) {
                    ps.setLong(1, ++last);
                    ps.setLong(2, seq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE event_counter SET last_event_id = ? WHERE id = 1")) {
                ps.setLong(1, last);
                ps.executeUpdate();
            }
            return seqs.size();
        });
    }

    /**
     * PostgreSQL: numbers the unstamped rows and moves the counter in one statement (a round trip, where the
     * read, the batch and the counter's UPDATE were three). It runs after the lock was taken, so its snapshot
     * holds every row another stamper numbered meanwhile; the counter moves only when rows were numbered.
     *
     * <p>When it numbered rows it also NOTIFYs every instance's reader (delivered on commit, so they find the rows
     * numbered). This is the wake-up of the other instances: the writes themselves send none (issue 16), so
     * there is one NOTIFY per batch of writes instead of one per write. A write whose instance stops before its
     * reader numbers it is numbered by the next pass of any instance, at the latest its poll.
     */
    private static int stampInOneStatement(Connection c, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH todo AS (SELECT seq, ? + row_number() OVER (ORDER BY seq) AS eid"
                + " FROM change_log WHERE event_id IS NULL ORDER BY seq LIMIT ?),"
                + " stamped AS (UPDATE change_log l SET event_id = todo.eid FROM todo WHERE l.seq = todo.seq RETURNING l.event_id),"
                + " counter AS (UPDATE event_counter SET last_event_id = (SELECT MAX(event_id) FROM stamped)"
                + " WHERE id = 1 AND EXISTS (SELECT 1 FROM stamped))"
                + " SELECT n, CASE WHEN n > 0 THEN " + ChangeLog.NOTIFY_SELF + " END"
                + " FROM (SELECT COUNT(*) AS n FROM stamped) c")) {
            ps.setLong(1, last);
            ps.setInt(2, STAMP_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<Long> unstamped(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq FROM change_log WHERE event_id IS NULL ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    @Override
    public List<Row> after(long eventId, int limit) {
        return db.readOnce(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM change_log WHERE event_id > ?"
                    + " ORDER BY event_id LIMIT ?")) {
                ps.setLong(1, eventId);
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public List<Row> latest(int limit) {
        List<Row> rows = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM change_log"
                    + " WHERE event_id IS NOT NULL AND kind <> '" + HistoryEntry.CONFLICT + "'"
                    + " ORDER BY event_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
        List<Row> ascending = new ArrayList<>(rows);
        Collections.reverse(ascending);
        return ascending;
    }

    @Override
    public long lastAssigned() {
        return db.readOnce(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_event_id FROM event_counter WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<PresenceChange> presenceAfter(long seq, int limit) {
        return db.readOnce(c -> PresenceStore.changesSince(c, seq, limit)).stream()
                .map(ch -> new PresenceChange(ch.seq(), ch.presence())).toList();
    }

    @Override
    public long lastPresenceSeq() {
        return db.inTransaction(PresenceStore::lastSeq);
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("event_id");
                String kind = rs.getString("kind");
                ChangeEvent event = null;
                // Refused writes are in the log for the record's history, but nothing changed: no event.
                if (!HistoryEntry.CONFLICT.equals(kind)) {
                    event = new ChangeEvent(id, rs.getString("entity"), rs.getString("entity_id"), rs.getLong("version"),
                            rs.getString("actor"), EntityTable.instant(rs, "changed_at"), kind,
                            ChangeLog.fromJson(rs.getString("changes")).stream().map(FieldChange::field).toList());
                }
                out.add(new Row(id, event));
            }
        }
        return out;
    }
}
