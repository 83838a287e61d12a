package dev.concord.app;

import dev.concord.ui.common.Problems;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.Identity;
import dev.concord.auth.Browser;
import dev.concord.auth.OidcClient;
import dev.concord.auth.OidcClientSettings;
import dev.concord.auth.SecretStore;
import dev.concord.auth.SecretStores;
import dev.concord.auth.SignInException;
import dev.concord.ui.connect.WordedFailure;
import dev.concord.auth.SignedInSession;
import dev.concord.auth.TokenSet;
import dev.concord.client.AccessTokens;
import dev.concord.client.ApiException;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.ServerUnreachableException;
import dev.concord.server.ConcordServer;
import dev.concord.sync.SyncServices;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The ways the installed console gets to a server, each ending in a checked connection (the server
 * answered {@code GET /me}): sign in with the identity provider, a token, the demo, or resuming what the
 * secret store kept from the last run. Blocking: never on the FX thread.
 */
final class Connections {
    /** How long the browser step of a sign-in may take. */
    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);

    /** A working connection: where, with which tokens, as whom, and how it was made. */
    record Connected(String server, AccessTokens tokens, Identity who, String how, SignedInSession session,
                     String secretKey) {
    }

    private final ConsoleConf conf;
    private final SecretStore secrets;
    private final Browser browser;
    private final Path home;
    private final java.time.Clock clock;
    private final String demoServer;

    Connections(ConsoleConf conf, SecretStore secrets, Browser browser, Path home) {
        this(conf, secrets, browser, home, java.time.Clock.systemUTC());
    }

    /** {@code clock}: when sessions take their access tokens to be due for a refresh (tests move it on). */
    Connections(ConsoleConf conf, SecretStore secrets, Browser browser, Path home, java.time.Clock clock) {
        this(conf, secrets, browser, home, clock, SyncServices.DEFAULT_SERVER);
    }

    /** {@code demoServer}: where "Try with demo data" finds or starts the demo server (tests: a free port). */
    Connections(ConsoleConf conf, SecretStore secrets, Browser browser, Path home, java.time.Clock clock,
                String demoServer) {
        this.clock = clock;
        this.demoServer = demoServer;
        this.conf = conf;
        this.secrets = secrets;
        this.browser = browser;
        this.home = home;
    }

    SecretStore secrets() {
        return secrets;
    }

    Connected signIn(String server) throws SignInException {
        String url = checkedServer(server);
        OidcClient oidc = oidcClient();
        TokenSet tokens = oidc.signIn(browser, SIGN_IN_TIMEOUT);
        String key = SecretStores.refreshTokenKey(url);
        SignedInSession session = new SignedInSession(oidc, tokens, secrets, key, clock);
        return check(url, session, lang("connect.how.signIn", conf.issuer()), session, key);
    }

    Connected useToken(String server, String token) {
        String url = checkedServer(server);
        String key = SecretStores.staticTokenKey(url);
        Connected c = check(url, AccessTokens.fixed(token), lang("connect.how.token"), null, key);
        secrets.put(key, token);
        return c;
    }

    /** The embedded demo server (started here unless one answers) and the demo agent alice. */
    Connected demo(java.util.function.Consumer<ConcordServer> started) {
        String url = demoServer;
        EmbeddedServer.startIfNoneAnswers(url, home.resolve("server")).ifPresent(started);
        return check(url, AccessTokens.fixed(SyncServices.DEFAULT_TOKEN), lang("connect.how.demo"), null, null);
    }

    /** What the last run left: a refresh token of a sign-in, or a token; empty when there is neither. */
    Optional<Connected> resume(String server, String mode) throws SignInException {
        if (server == null) {
            return Optional.empty();
        }
        String url = checkedServer(server);
        if ("sign-in".equals(mode) && conf.signInConfigured()) {
            String key = SecretStores.refreshTokenKey(url);
            Optional<String> refresh = secrets.get(key);
            if (refresh.isPresent()) {
                SignedInSession session = SignedInSession.resume(oidcClient(), refresh.get(), secrets, key, clock);
                return Optional.of(check(url, session, lang("connect.how.signIn", conf.issuer()), session, key));
            }
        }
        if ("token".equals(mode)) {
            Optional<String> token = secrets.get(SecretStores.staticTokenKey(url));
            if (token.isPresent()) {
                return Optional.of(check(url, AccessTokens.fixed(token.get()), lang("connect.how.token"), null,
                        SecretStores.staticTokenKey(url)));
            }
        }
        return Optional.empty();
    }

    private OidcClient oidcClient() throws SignInException {
        if (!conf.signInConfigured()) {
            throw new SignInException(SignInException.Reason.NOT_SET_UP, null, String.valueOf(ConsoleConf.SYSTEM_FILE), false,
                    "Sign-in is not set up: no issuer and client id", null);
        }
        return new OidcClient(new OidcClientSettings(URI.create(conf.issuer()), conf.clientId(), null));
    }

    private static Connected check(String url, AccessTokens tokens, String how, SignedInSession session, String key) {
        try {
            Identity who = new OkHttpConcordApi(url, tokens).whoAmI();
            return new Connected(url, tokens, who, how, session, key);
        } catch (ServerUnreachableException e) {
            throw new WordedFailure(lang("connect.noServer", url), e);
        } catch (ApiException e) {
            throw new WordedFailure(e.status() == 401
                    ? lang("connect.notAccepted", Problems.describe(e)) : lang("connect.refused", Problems.describe(e)), e);
        }
    }

    static String checkedServer(String server) {
        String s = server == null ? "" : server.strip();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new WordedFailure(lang("connect.badServer", String.valueOf(server)), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new WordedFailure(lang("connect.badServer", String.valueOf(server)), null);
        }
        return s;
    }
}
