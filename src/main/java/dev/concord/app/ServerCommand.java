package dev.concord.app;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
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
            description = "Folder of the H2 database (default ${concord.home}/server)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Use this database instead, e.g. jdbc:postgresql://host/concord")
    String db;

    @Option(names = "--db-user", paramLabel = "U")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "P")
    String dbPassword;

    @Option(names = "--demo", description = "Seed demo data into an empty database and accept the demo tokens")
    boolean demo;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Tokens file: lines '<sha256 hex> <actor> <viewer|agent|admin>' (see hash-token)")
    Path tokens;

    static int run(String[] args) {
        return new CommandLine(new ServerCommand()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            return usageError("--port must be between 0 and 65535, was " + port);
        }
        if (!demo && tokens == null) {
            return usageError("Give --tokens FILE (hashed tokens, see 'server hash-token --help'), or --demo for the demo tokens");
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
        Path dataDir = data != null ? data : concordHome().resolve("server");
        ServerConfig config = new ServerConfig(host, port, db == null ? dataDir : null, db, dbUser, dbPassword, demo, tokens);
        ConcordServer server;
        try {
            server = ConcordServer.start(config);
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

    private static String rootMessage(Throwable e) {
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

    /** {@code ./launcher server hash-token TOKEN}: the line to put in a tokens file. */
    @Command(name = "hash-token", mixinStandardHelpOptions = true,
            description = "Prints the SHA-256 of a token, as a tokens file line '<hash> ACTOR ROLE'.")
    static final class HashToken implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        @Override
        public Integer call() {
            System.out.println(ConcordServer.hashToken(token));
            return 0;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Concord " + Version.current()};
        }
    }
}
