package dev.concord.server;

import dev.concord.api.Presence;
import dev.concord.domain.EntityKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Presence announcements in the database, so every instance sees them. */
final class PresenceStore {
    /** An announcement lapses this long after its last renewal (a closed laptop must not block a record). */
    static final Duration TTL = Duration.ofSeconds(30);

    /** A presence row and its change sequence number. */
    record Change(long seq, Presence presence) {
    }

    private final Database db;
    private final ServerClock clock;

    PresenceStore(Database db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Announces or renews; {@code state} is viewing, editing or left. */
    Presence announce(String actor, EntityKind kind, String id, String state) {
        Instant expires = Presence.LEFT.equals(state) ? clock.now() : clock.now().plus(TTL);
        try {
            return upsert(actor, kind, id, state, expires);
        } catch (StorageException e) {
            if (IdempotencyStore.isUniqueViolation(e)) {
                return upsert(actor, kind, id, state, expires); // a twin inserted first; now the UPDATE finds it
            }
            throw e;
        }
    }

    private Presence upsert(String actor, EntityKind kind, String id, String state, Instant expires) {
        return db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE presence SET state = ?, expires_at = ?,"
                    + " seq = nextval('presence_seq') WHERE actor = ? AND entity = ? AND entity_id = ?")) {
                up.setString(1, state);
                EntityTable.bindInstant(up, 2, expires);
                up.setString(3, actor);
                up.setString(4, kind.path());
                up.setString(5, id);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO presence (actor, entity, entity_id,"
                            + " state, expires_at, seq) VALUES (?, ?, ?, ?, ?, nextval('presence_seq'))")) {
                        ins.setString(1, actor);
                        ins.setString(2, kind.path());
                        ins.setString(3, id);
                        ins.setString(4, state);
                        EntityTable.bindInstant(ins, 5, expires);
                        ins.executeUpdate();
                    }
                }
            }
            ChangeLog.notifyListeners(c);
            return new Presence(actor, kind.path(), id, state, expires).expiringFrom(clock.now());
        });
    }

    /** Who is on the record now (unexpired, not left). */
    List<Presence> active(EntityKind kind, String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, actor, entity, entity_id, state, expires_at"
                    + " FROM presence WHERE entity = ? AND entity_id = ? AND state <> 'left' AND expires_at > ?"
                    + " ORDER BY actor")) {
                ps.setString(1, kind.path());
                ps.setString(2, id);
                EntityTable.bindInstant(ps, 3, clock.now());
                Instant now = clock.now();
                return read(ps).stream().map(ch -> ch.presence().expiringFrom(now)).toList();
            }
        });
    }

    /** Changes after {@code seq}, in seq order. */
    static List<Change> changesSince(Connection c, long seq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, actor, entity, entity_id, state, expires_at"
                + " FROM presence WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM presence");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Forgets rows that lapsed a while ago. */
    int purgeExpired() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM presence WHERE expires_at < ?")) {
                EntityTable.bindInstant(ps, 1, clock.now().minus(Duration.ofHours(1)));
                return ps.executeUpdate();
            }
        });
    }

    private static List<Change> read(PreparedStatement ps) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Change(rs.getLong("seq"), new Presence(rs.getString("actor"), rs.getString("entity"),
                        rs.getString("entity_id"), rs.getString("state"), EntityTable.instant(rs, "expires_at"))));
            }
        }
        return out;
    }
}
