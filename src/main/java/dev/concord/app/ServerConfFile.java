package dev.concord.app;

import dev.concord.server.Deployment;
import dev.concord.server.ServerConfig;
import dev.concord.server.auth.OidcSettings;
import dev.concord.server.ops.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code /etc/concord/server.conf}: {@code key = value} lines ({@code #} comments). Secrets never sit in it
 * or on a command line: the database and keystore passwords come from a file named here or from the
 * environment ({@code CONCORD_DB_PASSWORD}, {@code CONCORD_TLS_PASSWORD}).
 *
 * <pre>
 * listen-address = 127.0.0.1        port = 8787
 * database-url = jdbc:postgresql://localhost/concord   database-user = concord
 * database-password-file = /etc/concord/db-password
 * data-dir = /var/lib/concord       (the H2 database when no database-url is given)
 * tokens-file = /etc/concord/tokens
 * log-format = text | json          pool-size = 10     metrics-port = 9787   shutdown-grace-seconds = 10
 * tls-keystore = /etc/concord/server.p12   tls-keystore-password-file = /etc/concord/tls-password
 * oidc-issuer = https://login.example.com/realms/support   oidc-audience = concord-api
 * oidc-role-claim = roles   oidc-actor-claim = preferred_username   oidc-role-map = support=agent,leads=admin
 * </pre>
 * With {@code oidc-issuer} set, people sign in with that identity provider; a tokens file is then only
 * needed for service accounts.
 */
record ServerConfFile(ServerConfig config, Deployment deployment, LogFormat logFormat) {
    static final Path DEFAULT_PATH = Path.of("/etc/concord/server.conf");
    private static final Set<String> KEYS = Set.of("listen-address", "port", "database-url", "database-user",
            "database-password-file", "data-dir", "tokens-file", "log-format", "pool-size", "metrics-port",
            "shutdown-grace-seconds", "tls-keystore", "tls-keystore-password-file",
            "oidc-issuer", "oidc-audience", "oidc-role-claim", "oidc-actor-claim", "oidc-role-map");

    /**
     * Reads and checks a configuration file.
     *
     * @param env the environment (System::getenv in production)
     * @throws IllegalArgumentException naming the file, key and problem
     */
    static ServerConfFile load(Path file, UnaryOperator<String> env) {
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the configuration " + file + ": " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": unknown setting " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        Settings r = new Settings(file, p);
        String url = r.string("database-url", null);
        if (url != null && !url.startsWith("jdbc:")) {
            throw r.bad("database-url", "must be a JDBC URL such as jdbc:postgresql://localhost/concord");
        }
        String password = url == null ? null : r.secret("database-password-file", env.apply(DatabasePassword.ENV));
        OidcSettings oidc = oidc(r);
        Path defaultTokens = Path.of("/etc/concord/tokens");
        // With an identity provider the tokens file is optional (service accounts only).
        Path tokens = r.path("tokens-file", oidc != null && !Files.exists(defaultTokens) ? null : defaultTokens);
        Path dataDir = r.path("data-dir", Path.of("/var/lib/concord"));
        ServerConfig config = new ServerConfig(r.string("listen-address", ServerConfig.DEFAULT_HOST),
                r.integer("port", ServerConfig.DEFAULT_PORT, 0, 65535), url == null ? dataDir : null, url,
                r.string("database-user", null), password, false, tokens, oidc);
        Deployment.Tls tls = null;
        Path keystore = r.path("tls-keystore", null);
        if (keystore != null) {
            if (!Files.isReadable(keystore)) {
                throw r.bad("tls-keystore", "cannot read " + keystore);
            }
            String tlsPassword = r.secret("tls-keystore-password-file", env.apply("CONCORD_TLS_PASSWORD"));
            tls = new Deployment.Tls(keystore, tlsPassword == null ? new char[0] : tlsPassword.toCharArray());
        }
        Deployment deployment = new Deployment(tls, r.integer("metrics-port", -1, -1, 65535),
                r.integer("pool-size", Deployment.DEFAULT_POOL_SIZE, 1, 500),
                Duration.ofSeconds(r.integer("shutdown-grace-seconds", 10, 0, 3600)));
        LogFormat format;
        try {
            format = LogFormat.parse(r.string("log-format", "text"));
        } catch (IllegalArgumentException e) {
            throw r.bad("log-format", "must be text or json");
        }
        return new ServerConfFile(config, deployment, format);
    }

    private static OidcSettings oidc(Settings r) {
        String issuer = r.string("oidc-issuer", null);
        if (issuer == null) {
            return null;
        }
        try {
            return new OidcSettings(java.net.URI.create(issuer), r.string("oidc-audience", null),
                    r.string("oidc-role-claim", null), r.string("oidc-actor-claim", null),
                    OidcSettings.parseRoleMapping(r.string("oidc-role-map", null)), null);
        } catch (IllegalArgumentException e) {
            throw r.bad("oidc-issuer", "and its settings: " + e.getMessage());
        }
    }

    static ServerConfFile load(Path file) {
        return load(file, System::getenv);
    }

    /** Typed access with messages that name the file and key. */
    private record Settings(Path file, Properties p) {
        String string(String key, String fallback) {
            String v = p.getProperty(key);
            return v == null || v.isBlank() ? fallback : v.strip();
        }

        Path path(String key, Path fallback) {
            String v = string(key, null);
            return v == null ? fallback : Path.of(v);
        }

        int integer(String key, int fallback, int min, int max) {
            String v = string(key, null);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw bad(key, "must be between " + min + " and " + max + ", was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad(key, "must be a whole number, was '" + v + "'");
            }
        }

        /** A password from the file the key names, else from the environment value given, else null. */
        String secret(String fileKey, String fromEnvironment) {
            Path f = path(fileKey, null);
            if (f == null) {
                return fromEnvironment;
            }
            try {
                return Files.readString(f, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw bad(fileKey, "cannot read " + f + " (" + e.getClass().getSimpleName().replace("Exception", "")
                        + ")");
            }
        }

        IllegalArgumentException bad(String key, String problem) {
            return new IllegalArgumentException(file + ": " + key + " " + problem);
        }
    }

    /** For messages: what this file configures, without secrets. */
    Map<String, String> summary() {
        return Map.of("listen", config.host() + ":" + config.port(), "database", config.effectiveJdbcUrl().split(";")[0],
                "tls", deployment.tls() == null ? "off" : deployment.tls().keystore().toString());
    }
}
