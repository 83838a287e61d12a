package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.server.auth.JwtAuthenticator;
import dev.concord.server.events.EventHub;
import dev.concord.server.events.EventSettings;
import dev.concord.server.events.PgWakeups;
import dev.concord.server.events.StreamPermits;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The subscription service, in process: {@code ConcordServer.start(config)} migrates the database, seeds
 * demo data when asked, and answers HTTP until {@link #close()}. The console starts one embedded when no
 * server answers; tests start as many as they like (port 0 picks a free port).
 *
 * <pre>{@code
 * try (ConcordServer server = ConcordServer.start(ServerConfig.demoInMemory())) {
 *     URI api = URI.create(server.baseUrl() + "/api/v1/subscriptions");
 * }
 * }</pre>
 */
public final class ConcordServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConcordServer.class);
    /** Heartbeat period of event streams in milliseconds (a system property so tests can shorten it). */
    static final String HEARTBEAT_PROPERTY = EventSettings.PREFIX + "heartbeatMillis";
    /** Most request threads of the HTTP server (a system property; default 64). */
    static final String MAX_THREADS_PROPERTY = "concord.http.maxThreads";
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private final ServerConfig config;
    private final Database db;
    private final Javalin app;
    private final ScheduledExecutorService housekeeping;
    private final boolean seeded;
    private final EventHub events;
    private final PgWakeups wakeups;
    private final OpsWiring ops;
    private final boolean tls;

    private ConcordServer(ServerConfig config, Database db, Javalin app, ScheduledExecutorService housekeeping,
                          boolean seeded, EventHub events, PgWakeups wakeups, OpsWiring ops, boolean tls) {
        this.events = events;
        this.wakeups = wakeups;
        this.ops = ops;
        this.tls = tls;
        this.config = config;
        this.db = db;
        this.app = app;
        this.housekeeping = housekeeping;
        this.seeded = seeded;
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @throws IllegalArgumentException when the tokens file is unreadable or malformed
     * @throws IllegalStateException    when the database or the port cannot be used
     */
    public static ConcordServer start(ServerConfig config) {
        return start(config, Deployment.defaults());
    }

    /** As {@link #start(ServerConfig)}, with TLS, a metrics port, a pool size as {@code deployment} says. */
    public static ConcordServer start(ServerConfig config, Deployment deployment) {
        TokenStore tokens = tokens(config);
        if (config.jdbcUrl() == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        Database db = new Database(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), deployment.poolSize());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-housekeeping");
            t.setDaemon(true);
            return t;
        });
        EventHub events = null;
        OpsWiring ops = null;
        PgWakeups wakeups = null;
        try {
            db.migrate();
            ServerClock clock = new ServerClock(Clock.systemUTC());
            RecordRepository records = new RecordRepository(db, clock);
            boolean seeded = config.demo() && DemoSeed.seedIfEmpty(db, records);
            IdempotencyStore idempotency = new IdempotencyStore(db, clock);
            housekeeping.scheduleWithFixedDelay(() -> purge(idempotency), 1, 60, TimeUnit.MINUTES);
            boolean postgres = isPostgres(db);
            EventSettings eventSettings = EventSettings.fromSystemProperties(postgres);
            events = new EventHub(new ChangeLogEvents(db), eventSettings, Clock.systemUTC());
            events.start();
            EventHub hub = events;
            if (postgres) {
                wakeups = new PgWakeups(db::openDedicated, ChangeLog.CHANNEL, db.instanceTag(), hub::nudgeAll);
                wakeups.start();
            }
            PresenceStore presence = new PresenceStore(db, clock);
            housekeeping.scheduleWithFixedDelay(() -> purge(presence), 5, 30, TimeUnit.MINUTES);
            Auth auth = new Auth(tokens, config.oidc() == null ? null : new JwtAuthenticator(config.oidc()));
            ops = new OpsWiring(config, deployment, db, auth);
            // The event streams' gauges: the hub's subscribers are the open streams; the lag is what the change
            // log holds that this instance's streams have not been sent yet (read at scrape time only).
            ops.metrics().openEventStreams(hub::streamCount);
            ops.metrics().changeLogLag(() -> unpublished(db, hub.head()));
            Javalin app = createApp(auth, ops, new RecordRoutes(records, idempotency, clock, entry -> hub.nudge()),
                    new EventRoutes(hub, new StreamPermits(eventSettings.streamsPerCaller())),
                    new PresenceRoutes(records, presence, hub::nudgeAll));
            new LifecycleRoutes(new RecordLifecycle(db, clock), idempotency, clock, entry -> hub.nudge()).register(app);
            app.start(config.host(), config.port());
            ConcordServer server = new ConcordServer(config, db, app, housekeeping, seeded, hub, wakeups, ops,
                    deployment.tls() != null);
            LOG.info("Concord server on {} ({}{})", server.baseUrl(), config.effectiveJdbcUrl().split(";")[0],
                    seeded ? ", demo data seeded" : "");
            return server;
        } catch (RuntimeException e) {
            if (wakeups != null) {
                wakeups.close();
            }
            if (events != null) {
                events.close();
            }
            if (ops != null) {
                ops.close();
            }
            housekeeping.shutdownNow();
            db.close();
            throw e;
        }
    }

    /** The port the server listens on (the free port picked when the config said 0). */
    public int port() {
        return app.port();
    }

    /** E.g. {@code http://127.0.0.1:8787}, without a trailing slash. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return (tls ? "https://" : "http://") + host + ":" + port();
    }

    /** The separate metrics port, or -1 when /metrics is only on the API port. */
    public int metricsPort() {
        for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
            if ("metrics".equals(c.getName()) && c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        return -1;
    }

    public ServerConfig config() {
        return config;
    }

    /** Whether this start seeded the demo data (false when the database already held records). */
    public boolean seededDemoData() {
        return seeded;
    }

    /** The demo tokens and whom they stand for, as printed at start in demo mode. */
    public static Map<String, String> demoTokens() {
        return TokenStore.demoTokenDescriptions();
    }

    /** The hex SHA-256 of a token, as a tokens file holds it. */
    public static String hashToken(String token) {
        return TokenStore.hashHex(token);
    }

    /**
     * Stops answering, waits for requests in flight (up to the deployment's shutdown grace), and closes
     * the database pool. Event streams end first; their clients reconnect after the retry hint every
     * stream sent when it opened, to another instance or to this one restarted. Safe to call twice.
     */
    @Override
    public void close() {
        // Event streams first: they end at once, so stopping Jetty need not wait for them.
        if (wakeups != null) {
            wakeups.close();
        }
        events.close();
        // Jetty stops accepting, then waits for requests in flight (its StatisticsHandler) before it stops.
        app.stop();
        ops.close();
        housekeeping.shutdownNow();
        try {
            // Same reason as the event pump: a clean-up still running must not meet a closed pool.
            housekeeping.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }

    /** The event hub, for tests of this package (stream counts, store calls). */
    EventHub events() {
        return events;
    }

    private static boolean isPostgres(Database db) {
        try {
            return db.isPostgres();
        } catch (java.sql.SQLException e) {
            throw new StorageException(e);
        }
    }

    private static TokenStore tokens(ServerConfig config) {
        TokenStore fromFile = null;
        if (config.tokensFile() != null) {
            try {
                fromFile = TokenStore.fromFile(config.tokensFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the tokens file " + config.tokensFile() + ": " + e.getMessage(), e);
            }
        }
        if (config.demo()) {
            return fromFile == null ? TokenStore.demo() : TokenStore.merge(TokenStore.demo(), fromFile);
        }
        return fromFile == null ? TokenStore.empty() : fromFile;
    }

    /**
     * Change-log rows committed but not yet published on this instance: rows the event reader has not numbered
     * yet plus numbered rows after the hub's head. NaN when the database cannot say (the scrape goes on).
     */
    private static double unpublished(Database db, long head) {
        try {
            return db.inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM change_log WHERE event_id IS NULL OR event_id > ?")) {
                    ps.setLong(1, head);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return (double) rs.getLong(1);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("change-log lag unknown: {}", e.getMessage());
            return Double.NaN;
        }
    }

    private static void purge(IdempotencyStore idempotency) {
        try {
            idempotency.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Could not purge expired idempotency keys; will try again", e);
        }
    }

    private static void purge(PresenceStore presence) {
        try {
            presence.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Could not purge lapsed presence rows; will try again", e);
        }
    }

    private static Javalin createApp(Auth auth, OpsWiring ops, RecordRoutes records, EventRoutes eventRoutes,
                                     PresenceRoutes presenceRoutes) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(dev.concord.api.Json.mapper(), false));
            cfg.http.prefer405over404 = true;
            // BodyRules enforces the API's own 1 MiB limit with a clear 413; this is only the backstop.
            cfg.http.maxRequestSize = ApiPaths.MAX_BODY_BYTES + 1L;
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new BadMessageHandler()));
            // No request holds its thread for long any more (event streams are written without one), and
            // writes queue on the database pool anyway: a bounded pool keeps a burst of connections (a
            // reconnect wave of thousands of consoles) from leaving Javalin's default of up to 250 threads
            // behind. -Dconcord.http.maxThreads to change.
            var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(Integer.getInteger(MAX_THREADS_PROPERTY, 64),
                    8, 60_000);
            pool.setName("JettyServerThreadPool");
            cfg.jetty.threadPool = pool;
            ops.configure(cfg);
        });
        app.before(ctx -> {
            String incoming = ctx.header(ApiPaths.REQUEST_ID);
            String id = incoming != null && CLIENT_REQUEST_ID.matcher(incoming).matches()
                    ? incoming : UUID.randomUUID().toString();
            ctx.attribute(Envelopes.REQUEST_ID_ATTR, id);
            ctx.header(ApiPaths.REQUEST_ID, id);
            MDC.put("requestId", id);
        });
        app.before(ops::guardMetricsPort);
        app.before(ctx -> {
            // /metrics answers in Prometheus's text format, whatever the API's negotiation says.
            if (!OpsWiring.METRICS_PATH.equals(ctx.path())) {
                Negotiation.checkAccept(ctx);
            }
        });
        app.before(ApiPaths.PREFIX + "/*", ctx -> {
            if (!OpsWiring.isPublic(ctx)) {
                auth.authenticate(ctx);
            }
        });
        app.after(ops::rememberActor);
        app.after(ctx -> MDC.clear());

        app.get("/health", ctx -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", "ok");
            Envelopes.ok(ctx, 200, data, null);
        });
        ops.register(app);
        app.get(ApiPaths.PREFIX + "/me", ctx -> Envelopes.ok(ctx, 200, Auth.principal(ctx).identity(), null));
        records.register(app);
        eventRoutes.register(app);
        presenceRoutes.register(app);

        app.exception(ApiError.class, (e, ctx) -> Envelopes.error(ctx, e));
        app.exception(dev.concord.api.ValidationException.class,
                (e, ctx) -> Envelopes.error(ctx, PatchInput.validation(e.fields())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                ctx.header("Allow", allowed(e)); // RFC 9110 15.5.6: a 405 names the methods the route has
            }
            Envelopes.error(ctx, fromJavalin(e));
        });
        app.exception(Exception.class, (e, ctx) -> {
            ApiError busy = TransientFaults.answer(ctx, e);
            if (busy != null) {
                LOG.warn("Transient database fault in {} {} (request {}): {}", ctx.method(), ctx.path(),
                        Envelopes.requestId(ctx), e.getMessage());
                Envelopes.error(ctx, busy);
                return;
            }
            LOG.error("Unexpected failure in {} {} (request {})", ctx.method(), ctx.path(), Envelopes.requestId(ctx), e);
            Envelopes.error(ctx, new ApiError(ErrorCode.INTERNAL_ERROR, "Something went wrong on the server; "
                    + "it has been logged with request id " + Envelopes.requestId(ctx)));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                Envelopes.error(ctx, new ApiError(ErrorCode.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        return app;
    }

    /** The methods Javalin found for the path, as an Allow header value (HEAD wherever GET is). */
    private static String allowed(HttpResponseException e) {
        String raw = String.valueOf(e.getDetails().getOrDefault("availableMethods", ""));
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        for (String m : raw.replaceAll("[\\[\\]]", "").split(",")) {
            if (!m.isBlank()) {
                methods.add(m.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new ApiError(ErrorCode.NOT_FOUND, "No such endpoint");
            case 405 -> new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not support that method");
            case 413 -> BodyRules.tooLarge(-1);
            case 401 -> new ApiError(ErrorCode.UNAUTHORIZED, "Authentication required");
            case 403 -> new ApiError(ErrorCode.FORBIDDEN, "Not allowed");
            default -> e.getStatus() >= 500
                    ? new ApiError(ErrorCode.INTERNAL_ERROR, "Something went wrong on the server")
                    : new ApiError(e.getStatus(), ErrorCode.BAD_REQUEST, "The request was refused", Map.of());
        };
    }
}
