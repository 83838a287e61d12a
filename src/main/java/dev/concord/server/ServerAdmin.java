package dev.concord.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What an administrator does to a server that is not running: migrate its database, check its
 * configuration, add a token. Used by {@code concord-server migrate | check-config | tokens add}.
 */
public final class ServerAdmin {
    private static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerAdmin() {
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(ServerConfig config) {
        try (Database db = open(config, 2)) {
            return db.migrateCounting();
        }
    }

    /**
     * Checks that the tokens file reads and the database answers.
     *
     * @return what was checked, one line each
     * @throws IllegalArgumentException naming what is wrong
     */
    public static java.util.List<String> check(ServerConfig config) {
        java.util.List<String> ok = new java.util.ArrayList<>();
        if (config.tokensFile() != null) {
            if (!Files.exists(config.tokensFile())) {
                throw new IllegalArgumentException("The tokens file " + config.tokensFile()
                        + " does not exist; add a token with: concord-server tokens add NAME ROLE");
            }
            try {
                TokenStore.fromFile(config.tokensFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the tokens file " + config.tokensFile() + ": " + e.getMessage());
            }
            ok.add("tokens file " + config.tokensFile() + " reads");
        }
        if (config.jdbcUrl() == null && !Files.exists(config.dataDir().resolve("concord.mv.db"))) {
            // Opening would create the file as whoever runs the check (root, say), which the service's user
            // then could not write: say where it will be made instead.
            ok.add("H2 database will be made in " + config.dataDir() + " when the server first starts"
                    + (Files.isWritable(config.dataDir()) || !Files.exists(config.dataDir()) ? "" : " (not writable for this user)"));
            return ok;
        }
        try (Database db = open(config, 1)) {
            ok.add("database " + config.effectiveJdbcUrl().split(";")[0] + " answers ("
                    + (db.isPostgres() ? "PostgreSQL" : "H2") + ")");
        } catch (java.sql.SQLException | RuntimeException e) {
            throw new IllegalArgumentException("The database " + config.effectiveJdbcUrl().split(";")[0]
                    + " cannot be used: " + rootMessage(e));
        }
        return ok;
    }

    /**
     * Makes a new random token for {@code actor} with {@code role}, appends its hash to {@code tokensFile}
     * (created readable by owner and group only) and returns the token, which is stored nowhere.
     */
    public static String addToken(Path tokensFile, String actor, String role) throws IOException {
        if (actor == null || !ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("NAME may only hold letters, digits and . _ @ - (1 to 100 characters), was '" + actor + "'");
        }
        if (Role.fromWire(role).isEmpty()) {
            throw new IllegalArgumentException("ROLE must be viewer, agent or admin, was '" + role + "'");
        }
        if (Files.exists(tokensFile)) {
            TokenStore.fromFile(tokensFile);
        } else {
            Path parent = tokensFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.createFile(tokensFile);
            try {
                Files.setPosixFilePermissions(tokensFile, PosixFilePermissions.fromString("rw-r-----"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's permissions have to do.
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "cnc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String line = tokensFileLine(token, actor, role) + System.lineSeparator();
        Files.writeString(tokensFile, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return token;
    }

    /** {@code <sha256 hex> actor role}: the tokens file line for a token. */
    public static String tokensFileLine(String token, String actor, String role) {
        return TokenStore.hashHex(token) + " " + actor + " " + role;
    }

    private static Database open(ServerConfig config, int poolSize) {
        if (config.jdbcUrl() == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        return new Database(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), poolSize);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
