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

    /**
     * An answer to be stored by the write it answers, in the write's own statement where the database allows
     * (PostgreSQL: one more INSERT in the write's CTE, so a keyed write is one statement too; issue 16).
     */
    record Claim(String actor, String key, Stored answer, Instant at) {
    }

    /** The INSERT's target; its 7 values are bound by {@link #bindClaim} in this order. */
    static final String INSERT_INTO = "idempotency_keys"
            + " (actor, idem_key, request_hash, status_code, etag, response_body, created_at)";

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
        deleteExpired(c, actor, key, clock.now());
        insert(c, new Claim(actor, key, answer, clock.now()));
    }

    /** Inserts a claimed answer on the write's connection; a unique violation when the key is taken. */
    static void insert(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + INSERT_INTO + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindClaim(ps, 1, claim);
            ps.executeUpdate();
        }
    }

    /** Binds a claim's 7 values from {@code i}; returns the index of the next parameter. */
    static int bindClaim(PreparedStatement ps, int i, Claim claim) throws SQLException {
        ps.setString(i++, claim.actor());
        ps.setString(i++, claim.key());
        ps.setString(i++, claim.answer().requestHash());
        ps.setInt(i++, claim.answer().status());
        ps.setString(i++, claim.answer().etag());
        ps.setString(i++, claim.answer().dataJson());
        EntityTable.bindInstant(ps, i++, claim.at());
        return i;
    }

    /**
     * Forgets this key's answer if it is past the retention (it would block the key's new INSERT and is no
     * longer a promise to anyone); true when there was one.
     */
    static boolean deleteExpired(Connection c, String actor, String key, Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM idempotency_keys WHERE actor = ? AND idem_key = ? AND created_at <= ?")) {
            del.setString(1, actor);
            del.setString(2, key);
            EntityTable.bindInstant(del, 3, now.minus(RETENTION));
            return del.executeUpdate() > 0;
        }
    }

    /**
     * Replaces a stored answer's body and ETag: only when a write stored an answer predicted before its statement
     * ran and the row came back otherwise (never seen; see {@link IdempotentRequests.Answer#stored}).
     */
    static void correct(Connection c, String actor, String key, String etag, String dataJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_keys SET etag = ?, response_body = ? WHERE actor = ? AND idem_key = ?")) {
            ps.setString(1, etag);
            ps.setString(2, dataJson);
            ps.setString(3, actor);
            ps.setString(4, key);
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
