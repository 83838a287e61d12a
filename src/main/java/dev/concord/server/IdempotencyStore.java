package dev.concord.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * First answers to PATCH requests sent with an {@code Idempotency-Key}, per actor. The answer is stored in
 * the same transaction as the write, so a key either has its write and its answer, or neither.
 */
final class IdempotencyStore {
    /** Answers are kept at least this long; the issue promises 24 hours, we keep twice that. */
    static final Duration RETENTION = Duration.ofHours(48);

    /** A stored answer and the hash of the request that produced it. */
    record Stored(String requestHash, int status, String etag, String dataJson) {
    }

    private final Database db;
    private final ServerClock clock;

    IdempotencyStore(Database db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<Stored> find(String actor, String key) {
        return db.readOnce(c -> find(c, actor, key));
    }

    Optional<Stored> find(Connection c, String actor, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status_code, etag, response_body"
                + " FROM idempotency_keys WHERE actor = ? AND idem_key = ? AND created_at > ?")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            EntityTable.bindInstant(ps, 3, clock.now().minus(RETENTION));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Stored(rs.getString(1).trim(), rs.getInt(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores an answer on the write's connection. A concurrent request with the same key makes this fail
     * with a unique violation, rolling back its twin write.
     */
    void store(Connection c, String actor, String key, Stored answer) throws SQLException {
        // An expired row for this key would block the insert; it is no longer a promise to anyone.
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM idempotency_keys WHERE actor = ? AND idem_key = ? AND created_at <= ?")) {
            del.setString(1, actor);
            del.setString(2, key);
            EntityTable.bindInstant(del, 3, clock.now().minus(RETENTION));
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys"
                + " (actor, idem_key, request_hash, status_code, etag, response_body, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            ps.setString(3, answer.requestHash());
            ps.setInt(4, answer.status());
            ps.setString(5, answer.etag());
            ps.setString(6, answer.dataJson());
            EntityTable.bindInstant(ps, 7, clock.now());
            ps.executeUpdate();
        }
    }

    /** Forgets answers past the retention; run now and then. */
    int purgeExpired() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_keys WHERE created_at <= ?")) {
                EntityTable.bindInstant(ps, 1, clock.now().minus(RETENTION));
                return ps.executeUpdate();
            }
        });
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
