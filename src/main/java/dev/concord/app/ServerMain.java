package dev.concord.app;

import dev.concord.server.ServerAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
            TokensCommand.class, ImportCommand.class})
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
}
