package dev.concord.app;

import dev.concord.server.ServerAdmin;
import dev.concord.server.TokenAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code concord-server}, the installed service's program: everything it needs comes from a configuration
 * file ({@link ServerConfFile}), never from secrets on the command line. Loads no JavaFX class, so it runs
 * on the server package's runtime, which has none.
 */
@Command(name = "concord-server", mixinStandardHelpOptions = true, versionProvider = ServerCommand.VersionProvider.class,
        description = "The Concord subscription service. Without a command it serves.",
        subcommands = {ServerMain.Serve.class, ServerMain.Migrate.class, ServerMain.CheckConfig.class,
            ServerMain.Tokens.class, ImportCommand.class})
public final class ServerMain implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default $CONCORD_SERVER_CONFIG or /etc/concord/server.conf)")
    Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return new CommandLine(new ServerMain()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        return new Serve().serve(this);
    }

    Path configPath() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("CONCORD_SERVER_CONFIG");
        return env != null && !env.isBlank() ? Path.of(env) : ServerConfFile.DEFAULT_PATH;
    }

    /** Loads the configuration or prints why not; null when it cannot be used. */
    ServerConfFile load(PrintStream err) {
        try {
            return ServerConfFile.load(configPath());
        } catch (IllegalArgumentException e) {
            err.println("concord-server: " + e.getMessage());
            return null;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Answers HTTP until stopped (the default).")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        ServerMain parent;

        @Override
        public Integer call() throws InterruptedException {
            return serve(parent);
        }

        int serve(ServerMain main) throws InterruptedException {
            ServerConfFile conf = main.load(System.err);
            if (conf == null) {
                return 2;
            }
            return ServerCommand.serve(conf.config(), conf.deployment(), conf.logFormat());
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Brings the database schema up to date and exits (serve does this too).")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        ServerMain parent;

        @Override
        public Integer call() {
            ServerConfFile conf = parent.load(System.err);
            if (conf == null) {
                return 2;
            }
            try {
                int ran = ServerAdmin.migrate(conf.config());
                System.out.println(ran == 0 ? "database is up to date" : "applied " + ran + " migration(s)");
                return 0;
            } catch (RuntimeException e) {
                System.err.println("concord-server: migration failed: " + ServerCommand.rootMessage(e));
                return 1;
            }
        }
    }

    @Command(name = "check-config", mixinStandardHelpOptions = true,
            description = "Reads the configuration, the tokens file and connects to the database; exits 0 when all is usable.")
    static final class CheckConfig implements Callable<Integer> {
        @ParentCommand
        ServerMain parent;

        @Override
        public Integer call() {
            ServerConfFile conf = parent.load(System.err);
            if (conf == null) {
                return 2;
            }
            System.out.println("configuration " + parent.configPath() + " reads: " + conf.summary());
            try {
                ServerAdmin.check(conf.config()).forEach(System.out::println);
            } catch (IllegalArgumentException e) {
                System.err.println("concord-server: " + e.getMessage());
                return 1;
            }
            System.out.println("configuration OK");
            return 0;
        }
    }

    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manages the tokens file.",
            subcommands = {Tokens.Add.class, Tokens.ListTokens.class, Tokens.Revoke.class})
    static final class Tokens implements Callable<Integer> {
        @ParentCommand
        ServerMain parent;

        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return 2;
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Makes a new token for NAME with ROLE (viewer, agent, admin), stores only its hash, "
                        + "prints the token once.")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Tokens tokens;

            @Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Parameters(index = "1", paramLabel = "ROLE")
            String role;

            @Override
            public Integer call() {
                ServerConfFile conf = tokens.parent.load(System.err);
                if (conf == null) {
                    return 2;
                }
                Path file = conf.config().tokensFile();
                try {
                    String token = ServerAdmin.addToken(file, name, role);
                    System.out.println(token);
                    System.err.println("added " + role + " token for " + name + " to " + file
                            + "; it is shown only now. A running server takes it up within a few seconds.");
                    return 0;
                } catch (IllegalArgumentException e) {
                    System.err.println("concord-server: " + e.getMessage());
                    return 2;
                } catch (IOException e) {
                    System.err.println("concord-server: cannot write " + file + ": " + e.getMessage());
                    return 1;
                }
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "Lists who has a token and with which role (the tokens themselves are not kept).")
        static final class ListTokens implements Callable<Integer> {
            @ParentCommand
            Tokens tokens;

            @Override
            public Integer call() {
                Path file = tokens.file();
                if (file == null) {
                    return 2;
                }
                try {
                    List<TokenAdmin.Listed> all = TokenAdmin.list(file);
                    System.out.printf("%-30s %-7s %s%n", "NAME", "ROLE", "ID");
                    all.forEach(t -> System.out.printf("%-30s %-7s %s%n", t.actor(), t.role(), t.id()));
                    System.err.println(all.size() + " token(s) in " + file);
                    return 0;
                } catch (IllegalArgumentException e) {
                    System.err.println("concord-server: " + e.getMessage());
                    return 2;
                } catch (IOException e) {
                    System.err.println("concord-server: cannot read " + file + ": " + e.getMessage());
                    return 1;
                }
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true,
                description = {"Removes NAME's tokens from the tokens file (only the one with --id when NAME has "
                        + "several). A running server refuses them within a few seconds."})
        static final class Revoke implements Callable<Integer> {
            @ParentCommand
            Tokens tokens;

            @Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Option(names = "--id", paramLabel = "ID", description = "The token's id as 'tokens list' shows it (or its start)")
            String id;

            @Override
            public Integer call() {
                Path file = tokens.file();
                if (file == null) {
                    return 2;
                }
                try {
                    int removed = TokenAdmin.revoke(file, name, id);
                    System.err.println("revoked " + removed + " token(s) of " + name + " in " + file
                            + "; a running server refuses them within a few seconds.");
                    return 0;
                } catch (IllegalArgumentException e) {
                    System.err.println("concord-server: " + e.getMessage());
                    return 2;
                } catch (IOException e) {
                    System.err.println("concord-server: cannot write " + file + ": " + e.getMessage());
                    return 1;
                }
            }
        }

        /** The configured tokens file, or null (said on standard error) when the configuration names none. */
        Path file() {
            ServerConfFile conf = parent.load(System.err);
            if (conf == null) {
                return null;
            }
            Path file = conf.config().tokensFile();
            if (file == null) {
                System.err.println("concord-server: the configuration names no tokens-file");
            }
            return file;
        }
    }
}
