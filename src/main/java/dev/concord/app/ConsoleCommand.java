package dev.concord.app;

import static dev.concord.i18n.Localization.lang;

import dev.concord.cli.CliHelp;
import dev.concord.cli.ParameterErrors;
import dev.concord.cli.TokenInput;
import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.DataFolder;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SyncServices;
import dev.concord.wording.DataFolderWords;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./launcher [console] [--user NAME] [--server URL] [--token-file FILE] [--theme light|dark|high-contrast]}:
 * the agent console. A token comes as for the command line ({@link TokenInput}: {@code CONCORD_TOKEN},
 * {@code --token-file}, or {@code --token}, which warns, as every user of the machine can read it in the process
 * list). Settings (server, theme) are remembered per user, the token in the secret store; when nothing answers
 * at a local server URL the embedded demo server is started in this process first.
 */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = ConsoleCommand.VersionProvider.class,
        description = "cli.help.console")
final class ConsoleCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleCommand.class);
    static final List<String> DEMO_USERS = List.of("alice", "bob", "billing", "admin", "viewer");

    @Option(names = "--user", paramLabel = "NAME",
            descriptionKey = "cli.opt.user")
    String user;

    @Option(names = "--server", paramLabel = "URL", descriptionKey = "cli.opt.consoleServer")
    String server;

    @Option(names = "--token", paramLabel = "T", hidden = true) // refused with a message: see TokenInput
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            descriptionKey = "cli.opt.consoleTokenFile")
    Path tokenFile;

    @Option(names = "--theme", paramLabel = "light|dark|high-contrast", descriptionKey = "cli.opt.theme")
    String theme;

    @Option(names = "--issuer", paramLabel = "URL", descriptionKey = "cli.opt.issuer")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", descriptionKey = "cli.opt.clientId")
    String clientId;

    /** Set by ./launcher: a clone is the developer's demo (demo users, embedded server), not an installation. */
    static final String DEVELOPER_DEMO = "concord.developerDemo";

    private final Map<String, String> env;
    private final InputStream stdin;
    /**
     * UTF-8 whatever the JVM guessed: it falls back to ASCII when the system's locale is not installed, and the
     * words are German, French or Spanish (as the command line prints them).
     */
    private final PrintWriter err;

    ConsoleCommand(Map<String, String> env, InputStream stdin, PrintStream err) {
        this.env = env;
        this.stdin = stdin;
        this.err = new PrintWriter(err, true, StandardCharsets.UTF_8);
    }

    static int run(String[] args) {
        return run(args, System.getenv(), System.in, System.err);
    }

    /** As {@link #run(String[])}, with the environment, standard input and error output given (tests). */
    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream err) {
        String[] rest = args.length > 0 && "console".equals(args[0])
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        // The words of anything said before the agent's own settings are read (help, a bad option, no display):
        // the installed console's choice, else the system's.
        ConsoleLanguage.use(ChosenLanguage.of(SyncServices.concordHome(), env).chosen());
        ConsoleCommand command = new ConsoleCommand(env, stdin, err);
        if (command.readPlainly(rest)) {
            return command.callPlainly();
        }
        CommandLine line = new CommandLine(command);
        CliHelp.apply(line);
        line.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        line.setErr(command.err);
        line.setExecutionExceptionHandler((ex, ignoredLine, ignoredParsed) -> command.unexpected(ex));
        line.setParameterExceptionHandler((ex, arguments) -> {
            command.err.println(ParameterErrors.describe(ex));
            command.err.println(lang("start.usage"));
            return 2;
        });
        return line.execute(rest);
    }

    /**
     * Reads the usual command lines without picocli: none at all (the installed app) or known options, each once,
     * with a value ({@code --server URL}, {@code --user=bob}). picocli's classes are Java 5 class files, which the
     * JVM 17 keeps out of every class-data-sharing archive and verifies the old, slow way: ~170 classes and
     * 0.1-0.4 s of the main thread on the way to the first window, every start (issue 16). Anything else (help,
     * --version, a mistake) returns false and goes to picocli, which words it.
     */
    boolean readPlainly(String[] args) {
        Map<String, java.util.function.Consumer<String>> options = Map.of(
                "--user", v -> user = v, "--server", v -> server = v, "--token", v -> token = v,
                "--token-file", v -> tokenFile = Path.of(v), "--theme", v -> theme = v, "--issuer", v -> issuer = v,
                "--client-id", v -> clientId = v);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return false;
            }
            if (!options.containsKey(name) || !seen.add(name)) {
                return false;
            }
            try {
                options.get(name).accept(value);
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }
        return true;
    }

    /** {@link #call()} as picocli runs it: an unexpected failure ends with exit code 1 (see {@link #unexpected}). */
    private int callPlainly() {
        try {
            return call();
        } catch (Exception e) {
            return unexpected(e);
        }
    }

    /**
     * A failure nothing above foresaw: the details (the stack trace) go to the console's log, the agent reads
     * where that log is, in their words, never a Java stack trace.
     */
    int unexpected(Exception e) {
        LOG.error("the console stopped", e);
        err.println(lang("start.unexpected", ConsoleLogging.consoleLog(SyncServices.concordHome())));
        return 1;
    }

    @Override
    public Integer call() throws Exception {
        java.util.Optional<String> cannotOpen = DesktopCheck.problem();
        if (cannotOpen.isPresent()) {
            err.println(cannotOpen.get());
            return 2;
        }
        Path dataFolder = SyncServices.concordHome();
        Optional<DataFolder.Problem> cannotKeepData = DataFolder.check(dataFolder);
        if (cannotKeepData.isPresent()) {
            err.println(DataFolderWords.of(dataFolder, cannotKeepData.get()));
            return 2;
        }
        String given;
        ConsoleSetup setup;
        CompletableFuture<Optional<ConcordServer>> embedded = CompletableFuture.completedFuture(Optional.empty());
        try {
            given = givenToken();
            if (!Boolean.getBoolean(DEVELOPER_DEMO) && user == null && given == null) {
                return InstalledConsole.run(server, issuer, clientId);
            }
            // Asking whether a server answers, and starting ours if none does, runs on a thread of its own while
            // JavaFX starts and the window is built: the two used to add up to the start-up time. It begins as
            // soon as the server's address is known, before the secret store is opened (a D-Bus probe) and the
            // settings are saved: the embedded server's start is what the first rows wait for (issue 16).
            Path home = SyncServices.concordHome();
            String serverUrl = ConsoleSetup.serverUrl(user, server, given, home);
            embedded = CompletableFuture.supplyAsync(
                    () -> EmbeddedServer.startIfNoneAnswers(serverUrl, home.resolve("server")),
                    task -> new Thread(task, "embedded-server-start").start());
            setup = ConsoleSetup.resolve(user, server, given, theme, home);
        } catch (IllegalArgumentException e) {
            stop(embedded);
            err.println(lang("start.problem", e.getMessage()));
            return 2;
        }
        // Before any window: every word is looked up in the language chosen here.
        ConsoleLanguage.use(setup.savedLanguage().orElse(null));
        // The client, the conflict store and the coordinator are built while JavaFX starts, for the same reason.
        // Saving the settings for the next start (JSON, disk) happens there too, off the way to the first window.
        CompletableFuture<ConsoleApp.Parts> parts = CompletableFuture.supplyAsync(() -> {
            setup.remember();
            ConcordApi api = new OkHttpConcordApi(setup.server(), setup.token());
            ConflictStore store = new ConflictStore(setup.userDir().resolve(SyncServices.STORE_FILE));
            return new ConsoleApp.Parts(api, store, new RetryCoordinator(api, store));
        }, task -> new Thread(task, "console-parts").start());
        try {
            ConsoleApp.runUntilClosed(setup, parts, embedded);
            try {
                parts.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } finally {
            stop(embedded);
        }
        try {
            embedded.join();
            return 0;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.error("could not start the embedded demo server", cause);
            err.println(lang("start.demoServerFailed", ConsoleLogging.logDir(SyncServices.concordHome())));
            return 1;
        }
    }

    /** Waits for a start still under way, so a window closed early does not leave a server running. */
    private static void stop(CompletableFuture<Optional<ConcordServer>> embedded) {
        embedded.handle((server, failure) -> server == null ? Optional.<ConcordServer>empty() : server)
                .join().ifPresent(ConcordServer::close);
    }

    /** The token given by hand (file or environment), or null; {@code --token} is refused by {@link TokenInput}. */
    private String givenToken() {
        return TokenInput.given(token, tokenFile, env, stdin).map(TokenInput.Given::token).orElse(null);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Concord " + Version.current()};
        }
    }

    static Path settingsPath(Path home, String user) {
        return home.resolve(user).resolve("settings.json");
    }
}
