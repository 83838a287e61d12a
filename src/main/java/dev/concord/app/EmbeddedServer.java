package dev.concord.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import dev.concord.server.ConcordServer;
import dev.concord.server.Deployment;
import dev.concord.server.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
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

    /** A connect that takes longer than this on the loopback interface means nothing listens. */
    private static final int CONNECT_TIMEOUT_MS = 1000;

    /**
     * Returns the server started here, or empty when something already listens at the URL (or the URL is
     * not on this machine, where starting ours would not help).
     */
    static Optional<ConcordServer> startIfNoneAnswers(String serverUrl, Path dataDir) {
        return startIfNoneAnswers(serverUrl, () -> listening(serverUrl), dataDir);
    }

    /**
     * Whether anything accepts connections at the URL's host and port. Deliberately not the health check:
     * whatever listens there, our server could not bind that port, so connecting is the question.
     */
    static boolean listening(String serverUrl) {
        URI uri = URI.create(serverUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), portOf(uri)), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        return uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
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
        int port = portOf(uri);
        ServerConfig config = new ServerConfig(ServerConfig.DEFAULT_HOST, port, dataDir, null, null, null, true, null);
        try {
            ConcordServer server = ConcordServer.start(withSmallPageCache(config), Deployment.embeddedDemo());
            // SIGTERM of the console: event streams, then Jetty, then the database, in that order (closing twice,
            // here and when the window closes, is safe).
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "concord-embedded-server-stop"));
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

    /**
     * H2's page cache of the embedded database, in KiB. H2's default (16 MiB) fills as the console pages through
     * 10,000 subscriptions and stays in the console's heap (issue 16: resident memory under 200 MiB); the demo
     * serves one or two agents, and the file's pages stay in the system's file cache anyway. Measured with
     * 10,000 subscriptions (load 12-17): heap committed 65-68 MiB instead of 70-71, RSS 201-208 instead of 207-209.
     */
    static final int H2_CACHE_KIB = 2048;

    /** The demo database under the config's data folder, as the server would open it, with a smaller page cache. */
    static ServerConfig withSmallPageCache(ServerConfig config) {
        try {
            // The server creates the folder only for a database it derives itself.
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
        }
        return new ServerConfig(config.host(), config.port(), config.dataDir(),
                config.effectiveJdbcUrl() + ";CACHE_SIZE=" + H2_CACHE_KIB, null, null, true, null);
    }

    static boolean isLocal(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
