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

    @Option(names = "--db-password", paramLabel = "P",
            description = "Visible to other users in ps: prefer the CONCORD_DB_PASSWORD environment variable or --config")
    String dbPassword;

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
        if (db == null && (dbUser != null || dbPassword != null)) {
            return usageError("--db-user and --db-password only make sense with --db JDBC_URL");
        }
        if (db != null && !db.startsWith("jdbc:")) {
            return usageError("--db must be a JDBC URL such as jdbc:postgresql://localhost/concord, was " + db);
        }
        // The password may come from the environment instead of argv, where every user's ps shows it.
        String password = dbPassword != null || db == null ? dbPassword : System.getenv("CONCORD_DB_PASSWORD");
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

    /** {@code ./launcher server hash-token TOKEN [ACTOR ROLE]}: the line to put in a tokens file. */
    @Command(name = "hash-token", mixinStandardHelpOptions = true,
            description = {"Prints the tokens file line '<sha256 of TOKEN> ACTOR ROLE' for a token.",
                "ACTOR defaults to 'agent1' and ROLE to 'agent'; edit the line or give both."})
    static final class HashToken implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        @Parameters(index = "1", paramLabel = "ACTOR", arity = "0..1", defaultValue = "agent1")
        String actor;

        @Parameters(index = "2", paramLabel = "ROLE", arity = "0..1", defaultValue = "agent",
                description = "viewer, agent or admin")
        String role;

        @Override
        public Integer call() {
            if (!actor.matches("[A-Za-z0-9._@-]{1,100}")) {
                return usageError("ACTOR may only hold letters, digits and . _ @ -, was '" + actor + "'");
            }
            if (!java.util.List.of("viewer", "agent", "admin").contains(role)) {
                return usageError("ROLE must be viewer, agent or admin, was '" + role + "'");
            }
            System.out.println(ServerAdmin.tokensFileLine(token, actor, role));
            return 0;
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
