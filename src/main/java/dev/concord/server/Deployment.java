package dev.concord.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * How an installed server runs beside what {@link ServerConfig} says about data and tokens: TLS, where
 * /metrics answers, the pool size and the shutdown grace. Kept apart from ServerConfig so developers' and
 * tests' servers need not name any of it ({@link #defaults()}).
 *
 * @param tls           the PKCS#12 keystore to serve HTTPS with, or null for plain HTTP
 * @param metricsPort   a separate port answering /metrics without a token (bind it where only Prometheus
 *                      reaches), or -1 for none: then /metrics is on the main port for admin tokens
 * @param poolSize      database connections of this instance
 * @param shutdownGrace how long a stopping server lets requests in flight finish
 * @param metrics       whether the server keeps meters and answers /metrics (false only for the console's
 *                      embedded demo server, see {@link #embeddedDemo()})
 * @param requestThreads most HTTP request threads; 0 for the default ({@code -Dconcord.http.maxThreads}, else 64)
 */
public record Deployment(Tls tls, int metricsPort, int poolSize, Duration shutdownGrace, boolean metrics,
                         int requestThreads) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public Deployment {
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new IllegalArgumentException("metrics port must be between 0 and 65535, was " + metricsPort);
        }
        if (poolSize < 1 || poolSize > 500) {
            throw new IllegalArgumentException("pool size must be between 1 and 500, was " + poolSize);
        }
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
        if (!metrics && metricsPort != -1) {
            throw new IllegalArgumentException("a metrics port needs metrics");
        }
        if (requestThreads != 0 && (requestThreads < 3 || requestThreads > 1000)) {
            // Jetty takes an acceptor and a selector thread from the same pool: 3 is the least that answers.
            throw new IllegalArgumentException("request threads must be 0 (default) or between 3 and 1000, was " + requestThreads);
        }
    }

    /** With meters and the default request pool, as every installed server runs. */
    public Deployment(Tls tls, int metricsPort, int poolSize, Duration shutdownGrace) {
        this(tls, metricsPort, poolSize, shutdownGrace, true, 0);
    }

    /** Plain HTTP, /metrics for admins on the main port, 10 connections, 10 s grace. */
    public static Deployment defaults() {
        return new Deployment(null, -1, DEFAULT_POOL_SIZE, Duration.ofSeconds(10));
    }

    /**
     * The console's embedded demo server (issue 16 part 5: the console's resident memory with it under 200 MiB):
     * one agent on the loopback interface, so no meters or /metrics (Micrometer and the Prometheus registry
     * are ~220 classes and a registry an administrator would scrape; nobody scrapes a console), 3 database
     * connections instead of 10 and at most 6 request threads instead of 64 (a console has a handful of
     * requests in flight: a list page, presence, history, a write; event streams hold no thread). A request
     * that finds all busy waits in Jetty's queue; a connection, up to the pool's timeout.
     */
    public static Deployment embeddedDemo() {
        return new Deployment(null, -1, 3, Duration.ofSeconds(10), false, 6);
    }

    public Deployment withTls(Tls newTls) {
        return new Deployment(newTls, metricsPort, poolSize, shutdownGrace, metrics, requestThreads);
    }

    public Deployment withMetricsPort(int port) {
        return new Deployment(tls, port, poolSize, shutdownGrace, metrics, requestThreads);
    }

    /**
     * A PKCS#12 keystore holding the server's key and certificate chain.
     *
     * @param keystore the .p12 file
     * @param password its password (read from a file or the environment, never from the command line)
     */
    public record Tls(Path keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tls t && t.keystore.equals(keystore) && Arrays.equals(t.password, password);
        }

        @Override
        public int hashCode() {
            return keystore.hashCode();
        }
    }
}
