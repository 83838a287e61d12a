package dev.concord.server;

import dev.concord.server.events.EventHub;
import dev.concord.server.events.EventSettings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>This class is the server's life cycle and public face; {@link ServerWiring} builds its parts and
 * {@link HttpApp} its request pipeline.
 */
public final class ConcordServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConcordServer.class);
    /** Heartbeat period of event streams in milliseconds (a system property so tests can shorten it). */
    static final String HEARTBEAT_PROPERTY = EventSettings.PREFIX + "heartbeatMillis";

    private final ServerConfig config;
    private final ServerWiring parts;
    private final boolean tls;

    private ConcordServer(ServerConfig config, ServerWiring parts, boolean tls) {
        this.config = config;
        this.parts = parts;
        this.tls = tls;
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
        ServerWiring parts = ServerWiring.build(config, deployment);
        parts.listen(config.host(), config.port());
        ConcordServer server = new ConcordServer(config, parts, deployment.tls() != null);
        LOG.info("Concord server on {} ({}{})", server.baseUrl(), config.effectiveJdbcUrl().split(";")[0],
                parts.seeded() ? ", demo data seeded" : "");
        return server;
    }

    /** The port the server listens on (the free port picked when the config said 0). */
    public int port() {
        return parts.app().port();
    }

    /** E.g. {@code http://127.0.0.1:8787}, without a trailing slash. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return (tls ? "https://" : "http://") + host + ":" + port();
    }

    /** The separate metrics port, or -1 when /metrics is only on the API port. */
    public int metricsPort() {
        for (org.eclipse.jetty.server.Connector c : parts.app().jettyServer().server().getConnectors()) {
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
        return parts.seeded();
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
        parts.close();
    }

    /** The event hub, for tests of this package (stream counts, store calls). */
    EventHub events() {
        return parts.events();
    }
}
