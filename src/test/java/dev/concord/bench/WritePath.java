package dev.concord.bench;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The write path and its two baselines on the same database and server: a versioned PATCH over HTTP
 * (keep-alive, each client thread on rows of its own), (a) the same conditional UPDATE plus change-log
 * insert in one JDBC transaction, (b) GET /health on the same server with the same client.
 */
final class WritePath {
    static final int RECORDS_PER_THREAD = 5;
    private static final MediaType JSON = MediaType.get("application/json");

    private WritePath() {
    }

    /** A keep-alive client able to hold one connection per load thread. */
    static OkHttpClient http(int threads) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(threads * 2);
        dispatcher.setMaxRequestsPerHost(threads * 2);
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(threads * 2, 5, java.util.concurrent.TimeUnit.MINUTES))
                .dispatcher(dispatcher).retryOnConnectionFailure(false)
                .callTimeout(Duration.ofSeconds(30)).build();
    }

    static String recordId(int thread, int i) {
        return String.format("sub_%04d", thread * RECORDS_PER_THREAD + i + 1);
    }

    /** PATCH load: thread t edits its own records in turn, sending the version it last got back. */
    static Load.Stats patch(List<ConcordServer> servers, int threads, Duration warmup, Duration measure) throws Exception {
        return patch(servers, threads, warmup, measure, false);
    }

    /**
     * PATCH load as above; with {@code keyed} every PATCH carries a fresh Idempotency-Key, as every write of the
     * console's coordinator and the CLI does (the server then also stores the answer for a resend).
     */
    static Load.Stats patch(List<ConcordServer> servers, int threads, Duration warmup, Duration measure, boolean keyed)
            throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        OkHttpClient http = http(threads);
        long[][] versions = new long[threads][RECORDS_PER_THREAD];
        long[] counter = new long[threads];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                versions[t][i] = currentVersion(http, servers.get(t % servers.size()), recordId(t, i));
            }
        }
        return Load.run(threads, warmup, measure, t -> {
            ConcordServer server = servers.get(t % servers.size());
            int i = (int) (counter[t]++ % RECORDS_PER_THREAD);
            String id = recordId(t, i);
            String body = "{\"version\":" + versions[t][i] + ",\"changes\":{\"customerName\":\"Bench " + t + "-" + counter[t] + "\"}}";
            Request.Builder builder = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                    .header("Authorization", "Bearer demo-alice");
            if (keyed) {
                builder.header(dev.concord.api.ApiPaths.IDEMPOTENCY_KEY, "bench-" + run + "-" + t + "-" + counter[t]);
            }
            Request request = builder.patch(RequestBody.create(body, JSON)).build();
            try (Response r = http.newCall(request).execute()) {
                String text = r.body().string();
                if (r.code() != 200) {
                    versions[t][i] = currentVersion(http, server, id);
                    throw new IOException("PATCH " + id + ": " + r.code() + " " + text);
                }
                versions[t][i] = Long.parseLong(r.header("ETag").replace("\"", ""));
            }
        });
    }

    /** POST load: each thread creates new subscriptions (server-made ids) back to back. */
    static Load.Stats create(ConcordServer server, int threads, Duration warmup, Duration measure) throws Exception {
        return create(server, threads, warmup, measure, false);
    }

    /** POST load as above; with {@code keyed} every POST carries a fresh Idempotency-Key, as the console's "New ..." does. */
    static Load.Stats create(ConcordServer server, int threads, Duration warmup, Duration measure, boolean keyed)
            throws Exception {
        OkHttpClient http = http(threads);
        long[] counter = new long[threads];
        String run = Long.toString(System.nanoTime(), 36);
        return Load.run(threads, warmup, measure, t -> {
            long n = counter[t]++;
            String body = "{\"customerName\":\"Bench create " + t + "-" + n + "\",\"customerEmail\":\"bench@example.com\","
                    + "\"planId\":\"plan_basic\",\"status\":\"active\",\"amount\":\"19.99\",\"currency\":\"EUR\","
                    + "\"billingCycle\":\"monthly\"}";
            Request.Builder builder = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions")
                    .header("Authorization", "Bearer demo-alice");
            if (keyed) {
                builder.header(dev.concord.api.ApiPaths.IDEMPOTENCY_KEY, "bench-create-" + run + "-" + t + "-" + n);
            }
            Request request = builder.post(RequestBody.create(body, JSON)).build();
            try (Response r = http.newCall(request).execute()) {
                String text = r.body().string();
                if (r.code() != 201) {
                    throw new IOException("POST: " + r.code() + " " + text);
                }
            }
        });
    }

    /**
     * Baseline (a) of POST: the INSERT of a whole subscription and its {@code create} change-log row in one
     * transaction, on a connection of its own per thread.
     */
    static Load.Stats jdbcCreate(ServerConfig config, int threads, Duration warmup, Duration measure) throws Exception {
        List<Connection> connections = new ArrayList<>();
        long[] counter = new long[threads];
        String run = Long.toString(System.nanoTime(), 36);
        try {
            for (int t = 0; t < threads; t++) {
                Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(),
                        config.dbUser() == null ? "" : config.dbUser(), config.dbPassword() == null ? "" : config.dbPassword());
                c.setAutoCommit(false);
                connections.add(c);
            }
            return Load.run(threads, warmup, measure, t -> {
                Connection c = connections.get(t);
                String id = "sub_jdbc_" + run + "_" + t + "_" + (counter[t]++);
                String name = "Jdbc create " + t + "-" + counter[t];
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscriptions (id, customer_name, customer_email,"
                        + " plan_id, status, amount, currency, billing_cycle, next_billing_date, cancel_at_period_end, tags, notes,"
                        + " version, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (?, ?, 'bench@example.com', 'plan_basic', 'active', 19.99, 'EUR', 'monthly', NULL, FALSE,"
                        + " '[]', '', 1, ?, 'bench', ?, 'bench')");
                     PreparedStatement log = c.prepareStatement("INSERT INTO change_log (entity, entity_id, version, actor, "
                             + "changed_at, kind, changes) VALUES ('subscriptions', ?, 1, 'bench', ?, 'create', ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, name);
                    insert.setObject(3, now);
                    insert.setObject(4, now);
                    insert.executeUpdate();
                    log.setString(1, id);
                    log.setObject(2, now);
                    log.setString(3, "[{\"field\":\"customerName\",\"from\":null,\"to\":\"" + name + "\"}]");
                    log.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Baseline (b): a no-op round trip on the same server and client. */
    static Load.Stats health(ConcordServer server, int threads, Duration warmup, Duration measure) throws Exception {
        OkHttpClient http = http(threads);
        Request request = new Request.Builder().url(server.baseUrl() + "/health").get().build();
        return Load.run(threads, warmup, measure, t -> {
            try (Response r = http.newCall(request).execute()) {
                r.body().string();
                if (r.code() != 200) {
                    throw new IOException("health " + r.code());
                }
            }
        });
    }

    /**
     * Not a baseline of the target, a diagnostic: GET of the same records (authentication, one row read,
     * the record's JSON), the part of a PATCH's work that neither baseline covers.
     */
    static Load.Stats getRecord(ConcordServer server, int threads, Duration warmup, Duration measure) throws Exception {
        OkHttpClient http = http(threads);
        long[] counter = new long[threads];
        return Load.run(threads, warmup, measure, t -> {
            String id = recordId(t, (int) (counter[t]++ % RECORDS_PER_THREAD));
            Request request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                    .header("Authorization", "Bearer demo-alice").get().build();
            try (Response r = http.newCall(request).execute()) {
                r.body().string();
                if (r.code() != 200) {
                    throw new IOException("GET " + id + ": " + r.code());
                }
            }
        });
    }

    /**
     * Baseline (a): the write path's database work alone, one transaction per write: the conditional
     * UPDATE and the change-log insert, on a connection of its own per thread.
     */
    static Load.Stats jdbc(ServerConfig config, int threads, Duration warmup, Duration measure) throws Exception {
        List<Connection> connections = new ArrayList<>();
        long[][] versions = new long[threads][RECORDS_PER_THREAD];
        long[] counter = new long[threads];
        try {
            for (int t = 0; t < threads; t++) {
                Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(),
                        config.dbUser() == null ? "" : config.dbUser(), config.dbPassword() == null ? "" : config.dbPassword());
                c.setAutoCommit(false);
                connections.add(c);
                for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                    versions[t][i] = version(c, recordId(t, i));
                }
                c.commit();
            }
            return Load.run(threads, warmup, measure, t -> {
                Connection c = connections.get(t);
                int i = (int) (counter[t]++ % RECORDS_PER_THREAD);
                String id = recordId(t, i);
                String name = "Jdbc " + t + "-" + counter[t];
                if (!jdbcUpdate(c, id, versions[t][i], name)) {
                    c.rollback();
                    versions[t][i] = version(c, id);
                    c.commit();
                    throw new SQLException("stale version of " + id);
                }
                c.commit();
                versions[t][i]++;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /**
     * Baseline (a)'s one write, not committed: the conditional UPDATE of record {@code id} at {@code version} and
     * its change-log row. False when the version is stale (nothing written).
     */
    static boolean jdbcUpdate(Connection c, String id, long version, String name) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement update = c.prepareStatement("UPDATE subscriptions SET customer_name = ?, updated_at = ?, "
                + "updated_by = ?, version = version + 1 WHERE id = ? AND version = ?");
             PreparedStatement log = c.prepareStatement("INSERT INTO change_log (entity, entity_id, version, actor, "
                     + "changed_at, kind, changes) VALUES ('subscriptions', ?, ?, 'bench', ?, 'update', ?)")) {
            update.setString(1, name);
            update.setObject(2, now);
            update.setString(3, "bench");
            update.setString(4, id);
            update.setLong(5, version);
            if (update.executeUpdate() != 1) {
                return false;
            }
            log.setString(1, id);
            log.setLong(2, version + 1);
            log.setObject(3, now);
            log.setString(4, "[{\"field\":\"customerName\",\"from\":\"x\",\"to\":\"" + name + "\"}]");
            log.executeUpdate();
            return true;
        }
    }

    static long version(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM subscriptions WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long currentVersion(OkHttpClient http, ConcordServer server, String id) throws IOException {
        Request request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                .header("Authorization", "Bearer demo-viewer").get().build();
        try (Response r = http.newCall(request).execute()) {
            r.body().string();
            if (r.code() != 200) {
                throw new IOException("GET " + id + ": " + r.code());
            }
            return Long.parseLong(r.header("ETag").replace("\"", ""));
        }
    }
}
