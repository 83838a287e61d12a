package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.Identity;
import dev.concord.auth.Browser;
import dev.concord.auth.ConfigLayers;
import dev.concord.auth.OidcClient;
import dev.concord.auth.OidcClientSettings;
import dev.concord.auth.SecretStore;
import dev.concord.auth.SignInException;
import dev.concord.auth.SignedInSession;
import dev.concord.auth.TokenSet;
import dev.concord.client.ApiException;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.i18n.ProblemWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code login}, {@code logout} and {@code whoami}: the command line signs in as the console does (OpenID
 * Connect, authorization code with PKCE, the system browser and a loopback redirect), keeps the refresh
 * token in the same secret store (the OS keyring, else a 0600 file) and later commands use and refresh it.
 */
final class SignInVerbs {
    private static final Logger LOG = LoggerFactory.getLogger(SignInVerbs.class);
    /** How long the browser step may take. */
    static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);

    private SignInVerbs() {
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"cli.help.login", "cli.help.loginSettings"})
    static final class Login implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Option(names = "--issuer", paramLabel = "URL", descriptionKey = "cli.opt.issuer")
        String issuer;

        @Option(names = "--client-id", paramLabel = "ID", descriptionKey = "cli.opt.clientId")
        String clientId;

        @Option(names = "--no-browser", descriptionKey = "cli.opt.noBrowser")
        boolean noBrowser;

        @Override
        public Integer call() throws SignInException {
            CliEnvironment env = cli.environment();
            Path home = cli.home();
            Printer printer = cli.printer();
            String server = Credentials.server(cli.server, env, home);
            Map<String, String> system = ConfigLayers.readSystemFile(env.systemFile());
            Optional<StoredSignIn> last = StoredSignIn.load(home);
            Map<String, String> sources = new LinkedHashMap<>();
            String iss = ConfigLayers.pick("issuer", sources, system.get("issuer"), "system",
                    last.map(StoredSignIn::issuer).orElse(null), "login", env.env().get("CONCORD_ISSUER"), "env", issuer, "option");
            String client = ConfigLayers.pick("client id", sources, system.get("client-id"), "system",
                    last.map(StoredSignIn::clientId).orElse(null), "login", env.env().get("CONCORD_CLIENT_ID"), "env",
                    clientId, "option");
            if (iss == null || client == null) {
                throw new UsageException(lang("cli.login.notSetUp", env.systemFile()));
            }
            OidcClient oidc = new OidcClient(new OidcClientSettings(URI.create(iss), client, null));
            SecretStore secrets = env.secrets().apply(home);
            String key = StoredSignIn.secretKey(server);
            TokenSet tokens = oidc.signIn(announcing(env.browser(), printer), SIGN_IN_TIMEOUT);
            SignedInSession session = new SignedInSession(oidc, tokens, secrets, key, env.clock());
            Identity who;
            try {
                who = new OkHttpConcordApi(server, session).whoAmI();
            } catch (ApiException e) {
                session.signOut();
                LOG.debug("the server refused the sign-in: {} {} {}", e.status(), e.code(), e.getMessage());
                printer.error(lang("cli.login.serverRefused", iss, server, ProblemWords.ofCode(e.code())));
                return ExitCode.FAILED;
            }
            try {
                new StoredSignIn(server, iss, client, who.actor()).save(home);
            } catch (IOException e) {
                session.signOut();
                throw new UncheckedIOException("cannot save the sign-in under " + home, e);
            }
            if (tokens.refreshToken() == null) {
                printer.error(lang("cli.login.noRefreshToken"));
            }
            printer.info(lang("cli.login.signedIn", server, who.actor(), who.role(), secrets.description()));
            return ExitCode.OK;
        }

        /** Prints the address first, so it can be opened by hand where no browser starts (or over SSH). */
        private Browser announcing(Browser system, Printer printer) {
            return page -> {
                printer.error(lang("cli.login.openAddress"));
                printer.error("  " + page);
                if (noBrowser) {
                    return;
                }
                try {
                    system.open(page);
                } catch (IOException e) {
                    printer.error(lang("cli.login.noBrowser"));
                }
            };
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "cli.help.logout")
    static final class Logout implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Override
        public Integer call() throws IOException {
            Path home = cli.home();
            Optional<StoredSignIn> stored = StoredSignIn.load(home);
            if (stored.isEmpty()) {
                cli.printer().info(lang("cli.logout.notSignedIn"));
                return ExitCode.OK;
            }
            StoredSignIn s = stored.get();
            SecretStore secrets = cli.environment().secrets().apply(home);
            String key = StoredSignIn.secretKey(s.server());
            Optional<String> refresh = secrets.get(key);
            secrets.delete(key);
            StoredSignIn.forget(home);
            // Best effort: the provider may be unreachable; the sign-in is gone from this machine either way.
            refresh.ifPresent(r -> new OidcClient(new OidcClientSettings(URI.create(s.issuer()), s.clientId(), null)).revoke(r));
            cli.printer().info(lang("cli.logout.signedOut", s.server(), s.user()));
            return ExitCode.OK;
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "cli.help.whoami")
    static final class WhoAmI implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Override
        public Integer call() {
            Credentials c = cli.credentials();
            Identity who = cli.services().api().whoAmI();
            cli.printer().info(lang("cli.whoami", who.actor(), who.role(), c.server(), c.how()));
            return ExitCode.OK;
        }
    }
}
