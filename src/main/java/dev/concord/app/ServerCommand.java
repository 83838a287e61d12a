package dev.concord.app;

import dev.concord.server.ConcordServer;
import dev.concord.server.Deployment;
import dev.concord.server.ServerAdmin;
import dev.concord.server.ServerConfig;
import dev.concord.server.auth.OidcSettings;
import java.net.URI;
import dev.concord.server.ops.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./launcher server}: runs the subscription service until Ctrl+C. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = ServerCommand.VersionProvider.class,
        description = "Runs the Concord subscription service.",
        subcommands = {ServerCommand.HashToken.class, ImportCommand.class})
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default ${DEFAULT-VALUE})")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the H2 database (default ${DEFAULT-VALUE})")
    Path data = concordHome().resolve("server");

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Use this database instead, e.g. jdbc:postgresql://host/concord")
    String db;

    @Option(names = "--db-user", paramLabel = "U")
    String dbUser;

    /** Refused with a message: every user of the machine reads arguments in the process list. */
    @Option(names = "--db-password", paramLabel = "P", hidden = true)
    String dbPassword;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (else the CONCORD_DB_PASSWORD environment variable)")
    Path dbPasswordFile;

    @Option(names = "--demo", description = "Seed demo data into an empty database and accept the demo tokens")
    boolean demo;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log lines as text (default) or JSON objects")
    String logFormat = "text";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run as the installed service does, from a server.conf (then no other option applies)")
    Path config;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Tokens file: lines '<sha256 hex> <actor> <viewer|agent|admin>' (see hash-token)")
    Path tokens;

    @CommandLine.ArgGroup(exclusive = false, heading = "Sign-in with an OpenID Connect provider:%n")
    OidcOptions oidc;

    static int run(String[] args) {
        return new CommandLine(new ServerCommand()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (config != null) {
            try {
                ServerConfFile conf = ServerConfFile.load(config);
                return serve(conf.config(), conf.deployment(), conf.logFormat());
            } catch (IllegalArgumentException e) {
                return usageError(e.getMessage());
            }
        }
        LogFormat format;
        try {
            format = LogFormat.parse(logFormat);
        } catch (IllegalArgumentException e) {
            return usageError("--log-format " + e.getMessage());
        }
        if (port < 0 || port > 65535) {
            return usageError("--port must be between 0 and 65535, was " + port);
        }
        if (!demo && tokens == null && oidc == null) {
            return usageError("Give --tokens FILE (hashed tokens, see 'server hash-token --help'), --oidc-issuer URL "
                    + "--oidc-audience A (sign-in), or --demo for the demo tokens");
        }
        OidcSettings oidcSettings;
        try {
            oidcSettings = oidc == null ? null : oidc.settings();
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        if (tokens != null && !Files.isReadable(tokens)) {
            return usageError("Cannot read the tokens file " + tokens);
        }
        if (dbPassword != null) {
            return usageError("--db-password is not accepted: every user of this machine can read it in the process "
                    + "list. Put the password in the CONCORD_DB_PASSWORD environment variable, or use "
                    + "--db-password-file FILE or --config FILE.");
        }
        if (db == null && (dbUser != null || dbPasswordFile != null)) {
            return usageError("--db-user and --db-password-file only make sense with --db JDBC_URL");
        }
        if (db != null && !db.startsWith("jdbc:")) {
            return usageError("--db must be a JDBC URL such as jdbc:postgresql://localhost/concord, was " + db);
        }
        String password;
        try {
            // Only a database named by --db has one; --db-password-file without it was refused above.
            password = db == null ? null : DatabasePassword.of(dbPasswordFile);
        } catch (java.io.IOException e) {
            return usageError("Cannot read the password file " + dbPasswordFile);
        }
        ServerConfig serverConfig = new ServerConfig(host, port, db == null ? data : null, db, dbUser, password, demo, tokens,
                oidcSettings);
        return serve(serverConfig, Deployment.defaults(), format);
    }

    /** Starts a server, prints where it listens, and runs until the JVM is asked to stop (SIGTERM, Ctrl+C). */
    static int serve(ServerConfig config, Deployment deployment, LogFormat format) throws InterruptedException {
        format.apply();
        boolean demo = config.demo();
        ConcordServer server;
        try {
            server = ConcordServer.start(config, deployment);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("server: could not start: " + rootMessage(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "concord-shutdown"));
        if (demo) {
            System.out.println("demo tokens (Authorization: Bearer <token>):");
            ConcordServer.demoTokens().forEach((token, who) -> System.out.println("  " + token + "  " + who));
        }
        System.out.println("listening on " + server.baseUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static int usageError(String message) {
        System.err.println("server: " + message);
        System.err.println("Try './launcher server --help'.");
        return 2;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static Path concordHome() {
        String home = System.getProperty("concord.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".concord");
    }

    /**
     * {@code ./launcher server hash-token [ACTOR ROLE]}: the line to put in a tokens file, for a token read from
     * standard input (typed without echo on a terminal), never from the command line, where every user of the
     * machine could read it in the process list.
     */
    @Command(name = "hash-token", mixinStandardHelpOptions = true,
            description = {"Reads a token from standard input (typed without echo on a terminal) and prints the tokens "
                + "file line '<sha256 of the token> ACTOR ROLE'. The token is not taken from the command line, where "
                + "every user of this machine could read it.",
                "ACTOR defaults to 'agent1' and ROLE to 'agent'; edit the line or give both.",
                "Example: printf '%%s\\n' \"$TOKEN\" | ./launcher server hash-token carol agent"})
    static final class HashToken implements Callable<Integer> {
        @Parameters(paramLabel = "ACTOR ROLE", arity = "0..*",
                description = "Who the token is for (letters, digits, . _ @ -) and viewer, agent or admin")
        java.util.List<String> words = new java.util.ArrayList<>();

        @Override
        public Integer call() throws java.io.IOException {
            if (words.size() > 2) {
                return usageError("hash-token takes at most ACTOR and ROLE; it reads the token from standard input, "
                        + "not from the command line: printf '%s\\n' \"$TOKEN\" | ./launcher server hash-token ACTOR ROLE");
            }
            String actor = words.isEmpty() ? "agent1" : words.get(0);
            String role = words.size() < 2 ? "agent" : words.get(1);
            if (!actor.matches("[A-Za-z0-9._@-]{1,100}")) {
                return usageError("ACTOR may only hold letters, digits and . _ @ -, was '" + actor + "'");
            }
            if (!java.util.List.of("viewer", "agent", "admin").contains(role)) {
                return usageError("ROLE must be viewer, agent or admin, was '" + role + "'");
            }
            String token = readToken();
            if (token.isBlank()) {
                return usageError("No token on standard input: printf '%s\\n' \"$TOKEN\" | ./launcher server hash-token "
                        + actor + " " + role);
            }
            System.out.println(ServerAdmin.tokensFileLine(token, actor, role));
            return 0;
        }

        /** The first line of standard input; on a terminal, asked for without echo. */
        private static String readToken() throws java.io.IOException {
            java.io.Console terminal = System.console();
            if (terminal != null) {
                char[] typed = terminal.readPassword("Token (not shown): ");
                return typed == null ? "" : new String(typed).strip();
            }
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? "" : line.strip();
        }
    }

    /** Where access tokens come from and how they name the role and the actor. */
    static final class OidcOptions {
        @Option(names = "--oidc-issuer", paramLabel = "URL", required = true,
                description = "Issuer URL of the identity provider (its /.well-known/openid-configuration names the keys)")
        URI issuer;

        @Option(names = "--oidc-audience", paramLabel = "A", required = true,
                description = "The audience (aud) an access token must carry for this server")
        String audience;

        @Option(names = "--oidc-role-claim", paramLabel = "CLAIM",
                description = "Claim holding the role or groups (default " + OidcSettings.DEFAULT_ROLE_CLAIM + ")")
        String roleClaim;

        @Option(names = "--oidc-actor-claim", paramLabel = "CLAIM",
                description = "Claim naming the user in the history (default " + OidcSettings.DEFAULT_ACTOR_CLAIM + ")")
        String actorClaim;

        @Option(names = "--oidc-role-map", paramLabel = "V=ROLE,...",
                description = "Claim values to roles, e.g. support-team=agent,concord-admins=admin")
        String roleMap;

        OidcSettings settings() {
            return new OidcSettings(issuer, audience, roleClaim, actorClaim, OidcSettings.parseRoleMapping(roleMap), null);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Concord " + Version.current()};
        }
    }
}
