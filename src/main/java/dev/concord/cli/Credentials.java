package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.auth.ConfigLayers;
import dev.concord.auth.OidcClient;
import dev.concord.auth.OidcClientSettings;
import dev.concord.auth.SignedInSession;
import dev.concord.client.AccessTokens;
import dev.concord.sync.SyncServices;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which server a command talks to and with what. The server: {@code --server} &gt; {@code CONCORD_SERVER}
 * &gt; the server of the last {@code login} &gt; {@code /etc/concord/console.conf} &gt; the local demo server.
 * The credentials: a token given by hand ({@link TokenInput}: {@code --token}, {@code --token-file FILE},
 * {@code CONCORD_TOKEN}) &gt; the sign-in kept by {@code login} for that server (its refresh token in the
 * secret store) &gt; the demo token.
 *
 * @param folderKey names the folder of this person's pending edits and last copies (hashed, see SyncServices)
 * @param how       in words, for {@code whoami}
 */
record Credentials(String server, AccessTokens tokens, String folderKey, String how) {
    static final String TOKEN_ENV = TokenInput.ENV;

    /** The server the command line talks to, by the layers above. */
    static String server(String serverOption, CliEnvironment env, Path home) {
        Map<String, String> system = ConfigLayers.readSystemFile(env.systemFile());
        String last = StoredSignIn.load(home).map(StoredSignIn::server).orElse(null);
        String server = ConfigLayers.pick("server", new LinkedHashMap<>(), system.get("server"), "system",
                last, "login", env.env().get("CONCORD_SERVER"), "env", serverOption, "option");
        return normalised(server == null ? SyncServices.DEFAULT_SERVER : server);
    }

    static Credentials resolve(String serverOption, String tokenOption, Path tokenFile, CliEnvironment env, Path home) {
        String server = server(serverOption, env, home);
        Optional<TokenInput.Given> given;
        try {
            given = TokenInput.given(tokenOption, tokenFile, env.env(), env.stdin());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (given.isPresent()) {
            TokenInput.Given g = given.get();
            return fixed(server, g.token(), switch (g.source()) {
                case FILE -> lang("cli.how.tokenFile", g.from());
                case ENV -> lang("cli.how.tokenEnv", g.from());
            });
        }
        Optional<StoredSignIn> stored = StoredSignIn.load(home).filter(s -> s.server().equals(server));
        if (stored.isPresent()) {
            StoredSignIn s = stored.get();
            var secrets = env.secrets().apply(home);
            String key = StoredSignIn.secretKey(server);
            Optional<String> refresh = secrets.get(key);
            if (refresh.isPresent()) {
                OidcClient oidc = new OidcClient(new OidcClientSettings(URI.create(s.issuer()), s.clientId(), null));
                SignedInSession session = SignedInSession.resume(oidc, refresh.get(), secrets, key, env.clock());
                return new Credentials(server, session, s.folderKey(), lang("cli.how.signIn", s.user(), s.issuer()));
            }
        }
        return fixed(server, SyncServices.DEFAULT_TOKEN, lang("cli.how.demo"));
    }

    private static Credentials fixed(String server, String token, String how) {
        return new Credentials(server, AccessTokens.fixed(token), token, how);
    }

    static String normalised(String server) {
        String s = server.strip();
        URI uri;
        try {
            uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(lang("cli.server.invalid", server));
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageException(lang("cli.server.invalid", server));
        }
        return uri.toString();
    }
}
