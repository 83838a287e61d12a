package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.server.ops.OpsMetrics;
import dev.concord.server.ops.ReadinessProbe;
import dev.concord.server.ops.RequestLog;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.MDC;

/**
 * Wires the operator's view ({@link dev.concord.server.ops}) into the server: the request log, health
 * probes, /metrics, the OpenAPI document, the listening connectors (HTTPS, a separate metrics port) and
 * the graceful stop.
 */
final class OpsWiring implements AutoCloseable {
    static final String OPENAPI_PATH = ApiPaths.PREFIX + "/openapi.json";
    static final String METRICS_PATH = "/metrics";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(2);

    private final ServerConfig config;
    private final Deployment deployment;
    /** Null when the deployment keeps no meters (the console's embedded server): Micrometer is then never loaded. */
    private final OpsMetrics metrics;
    private final RequestLog requestLog;
    private final ReadinessProbe readiness;
    private final Auth auth;

    OpsWiring(ServerConfig config, Deployment deployment, Database db, Auth auth) {
        this.config = config;
        this.deployment = deployment;
        this.auth = auth;
        this.readiness = new ReadinessProbe(db.dataSource(), READY_TIMEOUT);
        this.metrics = deployment.metrics() ? new OpsMetrics() : null;
        this.requestLog = metrics == null ? new RequestLog() : new RequestLog(metrics);
        if (metrics != null) {
            metrics.bindPool(db.dataSource());
        }
    }

    /**
     * The event streams' gauges: open streams, and what the change log holds that this instance's streams have
     * not been sent yet (read at scrape time only). Nothing without meters.
     */
    void streamGauges(DoubleSupplier openStreams, DoubleSupplier changeLogLag) {
        if (metrics != null) {
            metrics.openEventStreams(openStreams);
            metrics.changeLogLag(changeLogLag);
        }
    }

    /** Inside {@code Javalin.create}: the request log, the connectors and the stop grace. */
    void configure(JavalinConfig cfg) {
        cfg.requestLogger.http(requestLog::handle);
        cfg.jetty.modifyServer(server -> server.setStopTimeout(deployment.shutdownGrace().toMillis()));
        if (deployment.tls() != null || deployment.metricsPort() >= 0) {
            // Own connectors replace Javalin's default one; the first is the API port (Javalin's port()).
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector main = deployment.tls() == null
                        ? new ServerConnector(server, new HttpConnectionFactory(http))
                        : httpsConnector(server, http, deployment.tls());
                main.setHost(config.host());
                main.setPort(config.port());
                return main;
            });
        }
        if (deployment.metricsPort() >= 0) {
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setName("metrics");
                c.setHost(config.host());
                c.setPort(deployment.metricsPort());
                return c;
            });
        }
    }

    private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                                  Deployment.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients check the name against the certificate; the server need not refuse a Host it was not named for.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }

    /** Runs before the server's own after-handler clears the MDC: keeps the actor for the request log. */
    void rememberActor(Context ctx) {
        String actor = MDC.get("actor");
        if (actor != null) {
            ctx.attribute(RequestLog.ACTOR_ATTR, actor);
        }
    }

    /** The health probes, /metrics and the OpenAPI document. */
    void register(Javalin app) {
        app.get("/health/live", ctx -> Envelopes.ok(ctx, 200, Map.of("status", "ok"), null));
        app.get("/health/ready", ctx -> {
            ReadinessProbe.Result r = readiness.check();
            if (!r.ready()) {
                ctx.header(ApiPaths.RETRY_AFTER, "5");
                throw new ApiError(ErrorCode.SERVICE_UNAVAILABLE, "Not ready: " + r.detail());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", "ready");
            data.put("database", r.detail());
            Envelopes.ok(ctx, 200, data, null);
        });
        if (metrics != null) {
            app.get(METRICS_PATH, this::metricsEndpoint);
        }
        app.get(OPENAPI_PATH, ctx -> {
            try (InputStream in = OpsWiring.class.getResourceAsStream("/openapi/concord-api.json")) {
                if (in == null) {
                    throw new ApiError(ErrorCode.NOT_FOUND, "This build carries no OpenAPI document");
                }
                ctx.contentType("application/json").result(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("OpenAPI document unreadable", e);
            }
        });
    }

    /** Requests that need no token: health, the OpenAPI document, and /metrics on its own port. */
    static boolean isPublic(Context ctx) {
        return OPENAPI_PATH.equals(ctx.path());
    }

    private void metricsEndpoint(Context ctx) {
        if (!onMetricsPort(ctx)) {
            auth.authenticate(ctx);
            if (Auth.principal(ctx).role() != Role.ADMIN) {
                throw new ApiError(ErrorCode.FORBIDDEN, "Metrics are for admin tokens"
                        + (deployment.metricsPort() >= 0 ? " (or the metrics port)" : ""));
            }
        }
        ctx.contentType(OpsMetrics.contentType()).result(metrics.scrape());
    }

    /** Before-handler: the metrics port answers /metrics and the health probes, nothing of the API. */
    void guardMetricsPort(Context ctx) {
        if (onMetricsPort(ctx) && !METRICS_PATH.equals(ctx.path()) && !ctx.path().startsWith("/health")) {
            throw new ApiError(ErrorCode.NOT_FOUND, "The metrics port answers /metrics and /health only");
        }
    }

    private static boolean onMetricsPort(Context ctx) {
        org.eclipse.jetty.server.Request jetty = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
        return jetty != null && "metrics".equals(jetty.getHttpChannel().getConnector().getName());
    }

    /** Stops answering /health/ready with 200 before the server stops (the load balancer drains it). */
    @Override
    public void close() {
        readiness.close();
    }
}
