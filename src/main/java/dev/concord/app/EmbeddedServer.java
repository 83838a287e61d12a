package dev.concord.app;

import dev.concord.client.ConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo server in this process when nothing answers at a local server URL, so that
 * {@code ./launcher} works on a fresh clone and a second {@code ./launcher --user bob} joins the first.
 */
final class EmbeddedServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private EmbeddedServer() {
    }

    /**
     * Returns the server started here, or empty when one already answers (or the URL is not on this
     * machine, where starting ours would not help).
     */
    static Optional<ConcordServer> startIfNoneAnswers(String serverUrl, ConcordApi probe, Path dataDir) {
        return startIfNoneAnswers(serverUrl, probe::healthy, dataDir);
    }

    static Optional<ConcordServer> startIfNoneAnswers(String serverUrl, BooleanSupplier healthy, Path dataDir) {
        if (healthy.getAsBoolean()) {
            return Optional.empty();
        }
        URI uri = URI.create(serverUrl);
        String host = uri.getHost();
        if (!isLocal(host)) {
            LOG.warn("no answer from {}; not starting a local server for a remote address", serverUrl);
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        ServerConfig config = new ServerConfig(ServerConfig.DEFAULT_HOST, port, dataDir, null, null, null, true, null);
        try {
            ConcordServer server = ConcordServer.start(config);
            LOG.info("started the embedded demo server at {} (data in {})", server.baseUrl(), dataDir);
            return Optional.of(server);
        } catch (RuntimeException e) {
            // Another console may have started one at the same moment; if it answers now, use it.
            if (healthy.getAsBoolean()) {
                LOG.info("another console started the server first; connecting to it");
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isLocal(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
