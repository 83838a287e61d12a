package dev.concord.reliability;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.Subscription;
import dev.concord.server.ConcordServer;
import dev.concord.server.Deployment;
import dev.concord.server.ServerConfig;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.RetryPolicy;
import dev.concord.sync.SaveOutcome;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transient database faults on a real PostgreSQL, each provoked for real: a row lock held past
 * {@code lock_timeout}, a pool with every connection busy past its timeout, and a serialization failure
 * (SQLSTATE 40001, raised by a trigger the test installs, since the server's READ COMMITTED writes never
 * meet one by chance). Each is answered 503 with Retry-After, writes nothing, and the coordinator's edit
 * is then either saved on a resend or kept pending and saved later: never lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerFaultsTest {
    private static final String ALICE = "demo-alice";
    private static final String TIMEOUT_PROPERTY = "concord.db.connectionTimeoutMillis";

    private EmbeddedPostgresFixture.PgDatabase db;
    private ConcordServer server;
    private ApiTestClient api;
    private Connection admin;

    @BeforeAll
    void start() throws SQLException {
        db = EmbeddedPostgresFixture.freshDatabase();
        admin = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + currentDatabase() + " SET lock_timeout = '1s'");
        }
        System.setProperty(TIMEOUT_PROPERTY, "300");
        try {
            Deployment d = Deployment.defaults();
            server = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()),
                    new Deployment(d.tls(), d.metricsPort(), 2, d.shutdownGrace()));
        } finally {
            System.clearProperty(TIMEOUT_PROPERTY);
        }
        api = new ApiTestClient(server.baseUrl());
    }

    @AfterAll
    void stop() throws SQLException {
        server.close();
        admin.close();
    }

    // ----- lock timeout -----

    @Test
    void aLockHeldTooLongIs503AndTheEditIsKeptThenSaved(@TempDir Path dir) throws Exception {
        String id = "sub_0011";
        Entity base = client().get(EntityKind.SUBSCRIPTION, id);
        try (Connection locker = lockRow(id)) {
            Response raw = api.patch(ALICE, path(id), patchBody(base.version(), Map.of("notes", "raw")),
                    "Idempotency-Key", "lock-raw");
            assertBusy(raw);

            RetryCoordinator coordinator = coordinator(dir, () -> { });
            SaveOutcome kept = coordinator.save(base, base.values().with("notes", "typed while locked"));
            assertThat(kept).isInstanceOf(SaveOutcome.Pending.class);
            assertThat(((SaveOutcome.Pending) kept).reason().detail()).contains("locked");
            assertThat(coordinator.store().pending()).hasSize(1);
            locker.rollback();

            SaveOutcome later = coordinator.retryPending(((SaveOutcome.Pending) kept).edit().pendingId());
            assertThat(later).isInstanceOf(SaveOutcome.Saved.class);
        }
        assertThat(notesOf(id)).isEqualTo("typed while locked");
        // The raw request's key was never used up by the failed attempt: resending it now saves it.
        assertThat(api.patch(ALICE, path(id), patchBody(base.version() + 1, Map.of("notes", "raw")),
                "Idempotency-Key", "lock-raw").status()).isEqualTo(200);
    }

    @Test
    void aLockReleasedBetweenTwoSendsIsSavedOnTheResend(@TempDir Path dir) throws Exception {
        String id = "sub_0012";
        Entity base = client().get(EntityKind.SUBSCRIPTION, id);
        Connection locker = lockRow(id);
        RetryCoordinator coordinator = coordinator(dir, () -> release(locker));
        SaveOutcome outcome = coordinator.save(base, base.values().with("notes", "saved on the resend"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> assertThat(s.attempts()).isEqualTo(2));
        assertThat(notesOf(id)).isEqualTo("saved on the resend");
    }

    // ----- pool timeout -----

    @Test
    void noFreeConnectionIs503AndTheEditIsSavedOnTheResend(@TempDir Path dir) throws Exception {
        String locked = "sub_0013";
        long v = client().get(EntityKind.SUBSCRIPTION, locked).version();
        Entity base = client().get(EntityKind.SUBSCRIPTION, "sub_0015");
        Connection locker = lockRow(locked);
        // Two writers wait for the row lock (up to lock_timeout, 1 s), holding both connections of the pool.
        List<CompletableFuture<Response>> holders = holdThePool(locked, v);
        assertBusy(api.get(ALICE, path("sub_0014")));
        holders.forEach(h -> assertBusy(h.join())); // and the lock wait itself ends in a 503

        // Again, and this time the coordinator's first send finds no connection; before its resend the lock
        // goes and the pool frees up.
        List<CompletableFuture<Response>> again = holdThePool(locked, v);
        RetryCoordinator coordinator = coordinator(dir, () -> {
            release(locker);
            again.forEach(CompletableFuture::join);
        });
        SaveOutcome outcome = coordinator.save(base, base.values().with("notes", "through a full pool"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> assertThat(s.attempts()).isEqualTo(2));
        assertThat(notesOf("sub_0015")).isEqualTo("through a full pool");
    }

    private List<CompletableFuture<Response>> holdThePool(String locked, long v) {
        List<CompletableFuture<Response>> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = patchBody(v, Map.of("notes", "holder " + i));
            holders.add(CompletableFuture.supplyAsync(() -> api.patch(ALICE, path(locked), body)));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sessionsWaitingForALock() == 2);
        return holders;
    }

    // ----- serialization failure -----

    @Test
    void aSerializationFailureIs503AndTheEditIsKeptThenSaved(@TempDir Path dir) throws Exception {
        String id = "sub_0016";
        Entity base = client().get(EntityKind.SUBSCRIPTION, id);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fault_flags (on_id VARCHAR(64))");
            s.execute("CREATE OR REPLACE FUNCTION fault_serialize() RETURNS trigger AS $$ BEGIN "
                    + "IF EXISTS (SELECT 1 FROM fault_flags WHERE on_id = NEW.id) THEN "
                    + "RAISE EXCEPTION 'could not serialize access due to concurrent update' USING ERRCODE = '40001'; "
                    + "END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
            s.execute("DROP TRIGGER IF EXISTS fault_serialize ON subscriptions");
            s.execute("CREATE TRIGGER fault_serialize BEFORE UPDATE ON subscriptions FOR EACH ROW "
                    + "EXECUTE FUNCTION fault_serialize()");
            s.execute("INSERT INTO fault_flags VALUES ('" + id + "')");
        }
        assertBusy(api.patch(ALICE, path(id), patchBody(base.version(), Map.of("notes", "raw"))));

        RetryCoordinator coordinator = coordinator(dir, () -> { });
        SaveOutcome kept = coordinator.save(base, base.values().with("notes", "typed during a collision"));
        assertThat(kept).isInstanceOf(SaveOutcome.Pending.class);
        try (Statement s = admin.createStatement()) {
            s.execute("DELETE FROM fault_flags");
        }
        SaveOutcome later = coordinator.retryPending(((SaveOutcome.Pending) kept).edit().pendingId());
        assertThat(later).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(notesOf(id)).isEqualTo("typed during a collision");
        assertThat(client().get(EntityKind.SUBSCRIPTION, id).version()).isEqualTo(base.version() + 1);
    }

    // ----- helpers -----

    private void assertBusy(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.body()).doesNotContain("SQL").doesNotContain("Exception").doesNotContain("postgres");
    }

    private RetryCoordinator coordinator(Path dir, Runnable beforeEachWait) {
        // No real waiting: the sleeper is where the fault clears (or not) between two sends.
        return new RetryCoordinator(client(), new ConflictStore(dir.resolve("conflicts.json")), RetryPolicy.defaults(),
                Clock.systemUTC(), d -> beforeEachWait.run(), () -> 0L);
    }

    private OkHttpConcordApi client() {
        return new OkHttpConcordApi(server.baseUrl(), ALICE);
    }

    private String notesOf(String id) {
        return ((Subscription) client().get(EntityKind.SUBSCRIPTION, id)).notes();
    }

    private static String path(String id) {
        return "/api/v1/subscriptions/" + id;
    }

    private Connection lockRow(String id) throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = 0");
            s.executeQuery("SELECT id FROM subscriptions WHERE id = '" + id + "' FOR UPDATE").close();
        }
        return c;
    }

    private static void release(Connection locker) {
        try {
            locker.rollback();
            locker.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int sessionsWaitingForALock() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND datname = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String currentDatabase() throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
