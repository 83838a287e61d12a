package dev.concord.server;

import dev.concord.server.auth.JwtAuthenticator;
import dev.concord.server.events.EventHub;
import dev.concord.server.events.EventSettings;
import dev.concord.server.events.PgWakeups;
import dev.concord.server.events.StreamPermits;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a server's parts from its configuration in dependency order: database (migrated, seeded), stores,
 * event hub, operations, routes, the HTTP app. {@link #close()} takes down whatever was built, in reverse;
 * a build that fails part-way closes what it had built before it throws.
 */
final class ServerWiring implements AutoCloseable {
    private final Database db;
    private final Housekeeping housekeeping = new Housekeeping();
    private EventHub events;
    private PgWakeups wakeups;
    private OpsWiring ops;
    private Javalin app;
    private boolean listening;
    private boolean seeded;
    /** Whether the demo database was just copied from the build's template rather than created. */
    private final DemoTemplate.Placed fromTemplate;

    private ServerWiring(Database db, DemoTemplate.Placed fromTemplate) {
        this.db = db;
        this.fromTemplate = fromTemplate;
    }

    /**
     * @throws IllegalArgumentException when the tokens file is unreadable or malformed
     * @throws IllegalStateException    when the data folder or the database cannot be used
     */
    static ServerWiring build(ServerConfig config, Deployment deployment) {
        TokenStore tokens = TokenStore.of(config);
        if (config.jdbcUrl() == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        // Before the pool opens the database: opening would create an empty file in the template's place.
        DemoTemplate.Placed fromTemplate = DemoTemplate.placeIfFresh(config);
        ServerWiring w = new ServerWiring(new Database(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(),
                deployment.poolSize()), fromTemplate);
        try {
            w.wire(config, deployment, tokens);
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private void wire(ServerConfig config, Deployment deployment, TokenStore tokens) {
        // A demo database that holds every migration already needs no Flyway (AppliedMigrations says why).
        if (fromTemplate != DemoTemplate.Placed.FROM_JAR && !(config.demo() && AppliedMigrations.allApplied(db.dataSource()))) {
            db.migrate();
        }
        ServerClock clock = new ServerClock(Clock.systemUTC());
        RecordRepository records = new RecordRepository(db, clock);
        // A database copied from the template holds the seed already; this start put it there all the same.
        seeded = fromTemplate.any() || config.demo() && DemoSeed.seedIfEmpty(db, records);
        IdempotencyStore idempotency = new IdempotencyStore(db, clock);
        housekeeping.every(1, 60, TimeUnit.MINUTES, "purge expired idempotency keys", idempotency::purgeExpired);
        boolean postgres = isPostgres();
        EventSettings eventSettings = EventSettings.fromSystemProperties(postgres);
        EventHub hub = new EventHub(new ChangeLogEvents(db), eventSettings, Clock.systemUTC());
        events = hub;
        hub.start();
        if (postgres) {
            wakeups = new PgWakeups(db::openDedicated, ChangeLog.CHANNEL, db.instanceTag(), hub::nudgeAll);
            wakeups.start();
        }
        PresenceStore presence = new PresenceStore(db, clock);
        housekeeping.every(5, 30, TimeUnit.MINUTES, "purge lapsed presence rows", presence::purgeExpired);
        if (config.tokensFile() != null) {
            TokensFileWatcher watcher = new TokensFileWatcher(config, tokens,
                    revoked -> hub.endStreamsOf(revoked::contains));
            housekeeping.every(2, 2, TimeUnit.SECONDS, "read the tokens file again when it changes", watcher::checkNow);
        }
        Auth auth = new Auth(tokens, config.oidc() == null ? null : new JwtAuthenticator(config.oidc()));
        ops = new OpsWiring(config, deployment, db, auth);
        // The event streams' gauges: the hub's subscribers are the open streams; the lag is read at scrape time.
        ops.streamGauges(hub::streamCount, () -> ChangeLogLag.unpublished(db, hub.head()));
        // The event reader is woken at most once per 10 ms under a stream of writes (WriteNudges says why).
        RecordRoutes.WriteListener committed = WriteNudges.of(hub::nudge, housekeeping.scheduler());
        RecordRoutes recordRoutes = new RecordRoutes(records, idempotency, clock, committed);
        EventRoutes eventRoutes = new EventRoutes(hub, new StreamPermits(eventSettings.streamsPerCaller()));
        PresenceRoutes presenceRoutes = new PresenceRoutes(records, presence, hub::nudgeAll);
        LifecycleRoutes lifecycleRoutes = new LifecycleRoutes(new RecordLifecycle(db, clock), idempotency, clock, committed);
        app = HttpApp.create(auth, ops, deployment.requestThreads(), List.of(recordRoutes::register, eventRoutes::register,
                presenceRoutes::register, lifecycleRoutes::register));
    }

    private boolean isPostgres() {
        try {
            return db.isPostgres();
        } catch (java.sql.SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Starts answering HTTP; closes everything built when the port cannot be used. */
    void listen(String host, int port) {
        try {
            app.start(host, port);
            listening = true;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Database db() {
        return db;
    }

    EventHub events() {
        return events;
    }

    Javalin app() {
        return app;
    }

    boolean seeded() {
        return seeded;
    }

    /**
     * Event streams first (they end at once, so stopping Jetty need not wait for them), then Jetty (it stops
     * accepting and waits for requests in flight), readiness, the background thread, and the pool last:
     * nothing still running may meet a closed pool.
     */
    @Override
    public void close() {
        if (wakeups != null) {
            wakeups.close();
        }
        if (events != null) {
            events.close();
        }
        if (listening) {
            app.stop();
        }
        if (ops != null) {
            ops.close();
        }
        housekeeping.close();
        db.close();
    }
}
