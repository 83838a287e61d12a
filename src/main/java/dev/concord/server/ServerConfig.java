package dev.concord.server;

import dev.concord.server.auth.OidcSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * How to start a {@link ConcordServer}.
 *
 * @param host       interface to bind; 127.0.0.1 unless told otherwise
 * @param port       TCP port; 0 picks a free one (see {@link ConcordServer#port()})
 * @param dataDir    folder of the H2 file database; ignored when {@code jdbcUrl} is set
 * @param jdbcUrl    a PostgreSQL (or H2) JDBC URL; null means the H2 file database under {@code dataDir}
 * @param dbUser     database user for {@code jdbcUrl}, may be null
 * @param dbPassword database password for {@code jdbcUrl}, may be null
 * @param demo       seed demo data into an empty database and accept the demo tokens
 * @param tokensFile file of hashed tokens ({@code sha256hex actor role} per line); may be null in demo mode
 *                   or when {@code oidc} is set
 * @param oidc       the identity provider whose access tokens (JWTs) are accepted next to the static
 *                   tokens; null accepts static tokens only
 */
public record ServerConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                           boolean demo, Path tokensFile, OidcSettings oidc) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;

    public ServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (jdbcUrl == null && dataDir == null) {
            throw new IllegalArgumentException("either a data folder or a JDBC URL is needed");
        }
        if (!demo && tokensFile == null && oidc == null) {
            throw new IllegalArgumentException("outside demo mode a tokens file (--tokens FILE) or an identity provider (--oidc-issuer URL) is needed");
        }
    }

    /** Without an identity provider: static tokens only. */
    public ServerConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                        boolean demo, Path tokensFile) {
        this(host, port, dataDir, jdbcUrl, dbUser, dbPassword, demo, tokensFile, null);
    }

    /** Demo server on a free port with an H2 file database in {@code dataDir}. */
    public static ServerConfig demo(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, 0, dataDir, null, null, null, true, null);
    }

    /**
     * Demo server on a free port with a private in-memory H2 database that disappears on close: the
     * quickest way for a test to get a seeded server of its own.
     */
    public static ServerConfig demoInMemory() {
        return new ServerConfig(DEFAULT_HOST, 0, null, h2MemoryUrl("concord-" + UUID.randomUUID()), "sa", "", true, null);
    }

    /** Demo server on a free port against the given database (e.g. an embedded PostgreSQL). */
    public static ServerConfig demoOn(String jdbcUrl, String user, String password) {
        return new ServerConfig(DEFAULT_HOST, 0, null, Objects.requireNonNull(jdbcUrl), user, password, true, null);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, jdbcUrl, dbUser, dbPassword, demo, tokensFile, oidc);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, dataDir, jdbcUrl, dbUser, dbPassword, demo, tokensFile, oidc);
    }

    public ServerConfig withTokensFile(Path file) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, demo, file, oidc);
    }

    public ServerConfig withOidc(OidcSettings settings) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, demo, tokensFile, settings);
    }

    public ServerConfig withDemo(boolean newDemo) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, newDemo, tokensFile, oidc);
    }

    /** The JDBC URL actually used: {@code jdbcUrl}, or the H2 file database under {@code dataDir}. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("concord") + H2_COMPATIBILITY + H2_DURABLE_COMMIT
                + H2_CLOSED_BY_US;
    }

    static String h2MemoryUrl(String name) {
        // Kept until the server shuts it down explicitly, so a pool recycling its connections cannot drop it.
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_COMPATIBILITY;
    }

    /** The migrations are written once for PostgreSQL; these settings let H2 run them unchanged. */
    /**
     * H2 writes commits to its file up to 500 ms later by default: a killed server lost writes it had
     * already answered 200 to (CrashRecoverySoak). With 0 each commit reaches the file before the answer.
     */
    private static final String H2_DURABLE_COMMIT = ";WRITE_DELAY=0";

    /**
     * H2 closes a file database from a JVM shutdown hook of its own by default, which runs at the same time as
     * ours: on SIGTERM the event reader then met "Database is already closed". The server closes the database
     * itself, after the event hub and Jetty (ConcordServer.close, from the server's or the console's hook).
     */
    private static final String H2_CLOSED_BY_US = ";DB_CLOSE_ON_EXIT=FALSE";

    private static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public String toString() {
        // Never print the password.
        return "ServerConfig[host=" + host + ", port=" + port + ", db=" + effectiveJdbcUrl() + ", demo=" + demo
                + ", tokensFile=" + tokensFile + (oidc == null ? "" : ", oidcIssuer=" + oidc.issuer()) + "]";
    }
}
