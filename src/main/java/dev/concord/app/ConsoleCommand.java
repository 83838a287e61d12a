package dev.concord.app;

import java.util.Locale;

import dev.concord.i18n.Localization;

import dev.concord.cli.TokenInput;
import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SyncServices;
import java.io.InputStream;
import java.io.PrintStream;
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
        description = "Opens the Concord agent console.")
final class ConsoleCommand implements Callable<Integer> {
    static final List<String> DEMO_USERS = List.of("alice", "bob", "billing", "admin", "viewer");

    @Option(names = "--user", paramLabel = "NAME",
            description = "Whose settings to use; without a token, one of alice, bob, billing, admin, viewer signs in with the demo token")
    String user;

    @Option(names = "--server", paramLabel = "URL", description = "Server URL (default " + SyncServices.DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--token", paramLabel = "T", description = "Bearer token. Every user of this machine can read it "
            + "in the process list: prefer CONCORD_TOKEN or --token-file")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the bearer token from FILE (- for standard input); else the CONCORD_TOKEN variable")
    Path tokenFile;

    @Option(names = "--theme", paramLabel = "light|dark|high-contrast", description = "Look of the console")
    String theme;

    @Option(names = "--issuer", paramLabel = "URL", description = "Identity provider to sign in with (else CONCORD_ISSUER, your settings, /etc/concord/console.conf)")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", description = "The console's client id at the identity provider (else CONCORD_CLIENT_ID, ...)")
    String clientId;

    /** Set by ./launcher: a clone is the developer's demo (demo users, embedded server), not an installation. */
    static final String DEVELOPER_DEMO = "concord.developerDemo";

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream err;

    ConsoleCommand(Map<String, String> env, InputStream stdin, PrintStream err) {
        this.env = env;
        this.stdin = stdin;
        this.err = err;
    }

    static int run(String[] args) {
        return run(args, System.getenv(), System.in, System.err);
    }

    /** As {@link #run(String[])}, with the environment, standard input and error output given (tests). */
    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream err) {
        String[] rest = args.length > 0 && "console".equals(args[0])
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        CommandLine line = new CommandLine(new ConsoleCommand(env, stdin, err));
        line.setErr(new java.io.PrintWriter(err, true));
        return line.execute(rest);
    }

    @Override
    public Integer call() throws Exception {
        java.util.Optional<String> cannotOpen = DesktopCheck.problem();
        if (cannotOpen.isPresent()) {
            err.println(cannotOpen.get());
            return 2;
        }
        String given;
        ConsoleSetup setup;
        try {
            given = givenToken();
            if (!Boolean.getBoolean(DEVELOPER_DEMO) && user == null && given == null) {
                return InstalledConsole.run(server, issuer, clientId);
            }
            setup = ConsoleSetup.resolve(user, server, given, theme, SyncServices.concordHome());
        } catch (IllegalArgumentException e) {
            err.println("console: " + e.getMessage());
            return 2;
        }
        setup.remember();
        // Before any window: every word is looked up in the language chosen here.
        Localization.use(setup.savedLanguage().orElse(null), Locale.getDefault());
        // Asking whether a server answers, and starting ours if none does, runs on a thread of its own while
        // JavaFX starts and the window is built: the two used to add up to the start-up time.
        CompletableFuture<Optional<ConcordServer>> embedded = CompletableFuture.supplyAsync(
                () -> EmbeddedServer.startIfNoneAnswers(setup.server(), setup.home().resolve("server")),
                task -> new Thread(task, "embedded-server-start").start());
        // The client, the conflict store and the coordinator are built while JavaFX starts, for the same reason.
        CompletableFuture<ConsoleApp.Parts> parts = CompletableFuture.supplyAsync(() -> {
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
            // Waits for a start still under way, so a window closed early does not leave a server running.
            embedded.handle((server, failure) -> server == null ? Optional.<ConcordServer>empty() : server)
                    .join().ifPresent(ConcordServer::close);
        }
        try {
            embedded.join();
            return 0;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("console: could not start the embedded demo server: " + cause.getMessage());
            return 1;
        }
    }

    /** The token given by hand (option, file or environment), or null; a token in the command line is warned of. */
    private String givenToken() {
        Optional<TokenInput.Given> given = TokenInput.given(token, tokenFile, env, stdin);
        if (given.isPresent() && given.get().source() == TokenInput.Source.OPTION) {
            err.println("console: " + Localization.lang("console.token.inArgv"));
        }
        return given.map(TokenInput.Given::token).orElse(null);
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
