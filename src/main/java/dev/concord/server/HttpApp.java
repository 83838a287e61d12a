package dev.concord.server;

import dev.concord.api.ApiPaths;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;

/**
 * The HTTP side of the server: Javalin and Jetty configured, the filters every request passes (request id,
 * metrics-port guard, content negotiation, authentication) in that order, {@code /health} and {@code /me},
 * then the routes of each feature and the error answers ({@link ApiErrors}).
 */
final class HttpApp {
    /** Most request threads of the HTTP server (a system property; default 64). */
    static final String MAX_THREADS_PROPERTY = "concord.http.maxThreads";
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private HttpApp() {
    }

    /**
     * A random (version 4) UUID for a request that brought no id of its own. From the thread's own generator:
     * the id only tells one request's log lines from another's, and UUID.randomUUID() takes the shared
     * SecureRandom on every request (~1% of a PATCH's request-thread CPU, issue 16 profile).
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lo = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(hi, lo).toString();
    }

    /** A Javalin app not yet listening, with every route: {@code routes} register theirs after the filters. */
    static Javalin create(Auth auth, OpsWiring ops, int requestThreads, List<Consumer<Javalin>> routes) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(dev.concord.api.Json.mapper(), false));
            cfg.http.prefer405over404 = true;
            // BodyRules enforces the API's own 1 MiB limit with a clear 413; this is only the backstop.
            cfg.http.maxRequestSize = ApiPaths.MAX_BODY_BYTES + 1L;
            cfg.http.defaultContentType = "application/json";
            // Javalin copies each answer to Jetty through a buffer of this size, allocated per request; its
            // default is Jetty's 32 KiB output buffer, which every 1-2 KiB record answer paid to allocate and zero
            // (7% of the request threads' samples in the issue 16 profile). Larger answers go in several copies.
            cfg.http.responseBufferSize = 8192;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new BadMessageHandler()));
            // No request holds its thread for long any more (event streams are written without one), and
            // writes queue on the database pool anyway: a bounded pool keeps a burst of connections (a
            // reconnect wave of thousands of consoles) from leaving Javalin's default of up to 250 threads
            // behind. -Dconcord.http.maxThreads to change; the deployment may name its own (the console's
            // embedded server: a few, and as few kept idle).
            int max = requestThreads > 0 ? requestThreads : Integer.getInteger(MAX_THREADS_PROPERTY, 64);
            QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max / 2), 60_000);
            pool.setName("JettyServerThreadPool");
            cfg.jetty.threadPool = pool;
            ops.configure(cfg);
        });
        app.before(ctx -> {
            String incoming = ctx.header(ApiPaths.REQUEST_ID);
            String id = incoming != null && CLIENT_REQUEST_ID.matcher(incoming).matches()
                    ? incoming : requestId();
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
        routes.forEach(r -> r.accept(app));
        ApiErrors.register(app);
        return app;
    }
}
