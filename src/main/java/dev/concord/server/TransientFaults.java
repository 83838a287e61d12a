package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Database failures that say "try again" rather than "something is broken": no pooled connection free in
 * time, a lock not granted in time, a serialization failure or deadlock, a statement cancelled by a
 * timeout. The transaction rolled back, so nothing was written; the client gets 503 with Retry-After and
 * may send the same request again (with the same Idempotency-Key), which is what the coordinator does.
 */
final class TransientFaults {
    /** Seconds a client waits before resending; short, since such faults clear in moments. */
    static final int RETRY_AFTER_SECONDS = 1;
    /**
     * SQLSTATEs: 40001 serialization failure, 40P01 deadlock (PostgreSQL), 55P03 lock not available
     * (lock_timeout), 57014 statement cancelled (statement_timeout), 53300 too many connections,
     * HYT00 lock timeout (H2).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "53300", "HYT00");

    private TransientFaults() {
    }

    /** The transient cause of {@code e}, described for people, or null when it is not transient. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || (t instanceof SQLTransientException && !TRANSIENT_STATES.contains(state))) {
                    return "no database connection was free in time";
                }
                switch (state) {
                    case "40001", "40P01" -> {
                        return "the write collided with another one in the database";
                    }
                    case "55P03", "HYT00" -> {
                        return "the record was locked by another write for too long";
                    }
                    case "57014" -> {
                        return "the database took too long";
                    }
                    case "53300" -> {
                        return "the database has no connection to spare";
                    }
                    default -> {
                        // keep looking: a wrapped cause may be the transient one
                    }
                }
            }
        }
        return null;
    }

    /** Exception handler of StorageException: 503 with Retry-After when transient, else null (a 500). */
    static ApiError answer(Context ctx, Throwable e) {
        String why = describe(e);
        if (why == null) {
            return null;
        }
        ctx.header(ApiPaths.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return new ApiError(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy: " + why + ". Nothing was saved;"
                + " send the same request again in " + RETRY_AFTER_SECONDS + " s (with the same Idempotency-Key).");
    }
}
