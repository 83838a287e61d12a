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
 */
public record Deployment(Tls tls, int metricsPort, int poolSize, Duration shutdownGrace) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public Deployment {
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new IllegalArgumentException("metrics port must be between 0 and 65535, was " + metricsPort);
        }
        if (poolSize < 1 || poolSize > 500) {
            throw new IllegalArgumentException("pool size must be between 1 and 500, was " + poolSize);
        }
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
    }

    /** Plain HTTP, /metrics for admins on the main port, 10 connections, 10 s grace. */
    public static Deployment defaults() {
        return new Deployment(null, -1, DEFAULT_POOL_SIZE, Duration.ofSeconds(10));
    }

    public Deployment withTls(Tls newTls) {
        return new Deployment(newTls, metricsPort, poolSize, shutdownGrace);
    }

    public Deployment withMetricsPort(int port) {
        return new Deployment(tls, port, poolSize, shutdownGrace);
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
