package dev.concord.auth;

import dev.concord.client.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of one signed-in person, handed to the API client: the current access token, refreshed
 * shortly before it expires or when the server refuses it, with each new refresh token written to the
 * secret store. When the provider no longer accepts the refresh token the session ends:
 * {@link #signInRequired()} turns true and the stored token is removed.
 */
public final class SignedInSession implements AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(SignedInSession.class);
    /** Refresh this long before the provider's expiry, so a request does not leave with a token about to lapse. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final OidcClient oidc;
    private final SecretStore secrets;
    private final String secretKey;
    private final Clock clock;
    private TokenSet tokens;
    private boolean ended;
    private volatile Runnable onEnded = () -> { };

    public SignedInSession(OidcClient oidc, TokenSet tokens, SecretStore secrets, String secretKey) {
        this(oidc, tokens, secrets, secretKey, Clock.systemUTC());
    }

    /** As above, deciding by {@code clock} when the access token is due for a refresh. */
    public SignedInSession(OidcClient oidc, TokenSet tokens, SecretStore secrets, String secretKey, Clock clock) {
        this.oidc = oidc;
        this.secrets = secrets;
        this.secretKey = secretKey;
        this.clock = clock;
        this.tokens = tokens;
        keep(tokens);
    }

    /** A session from a refresh token kept by an earlier run; the first request refreshes it. */
    public static SignedInSession resume(OidcClient oidc, String refreshToken, SecretStore secrets, String secretKey,
                                         Clock clock) {
        return new SignedInSession(oidc, new TokenSet("", refreshToken, Instant.EPOCH), secrets, secretKey, clock);
    }

    @Override
    public synchronized String current() {
        if (!ended && clock.instant().isAfter(tokens.expiresAt().minus(EARLY))) {
            refresh();
        }
        return tokens.accessToken();
    }

    @Override
    public synchronized String refreshAfterRejection(String rejected) {
        if (ended) {
            return null;
        }
        if (!rejected.equals(tokens.accessToken())) {
            return tokens.accessToken();
        }
        return refresh() ? tokens.accessToken() : null;
    }

    @Override
    public synchronized boolean signInRequired() {
        return ended;
    }

    /** Runs {@code listener} (on the thread that found out) when the provider no longer accepts the refresh token. */
    public void onEnded(Runnable listener) {
        this.onEnded = listener;
    }

    /** Signs out: revokes the refresh token at the provider (best effort) and forgets it here. */
    public void signOut() {
        String refresh;
        synchronized (this) {
            refresh = tokens.refreshToken();
            ended = true;
        }
        secrets.delete(secretKey);
        if (refresh != null) {
            oidc.revoke(refresh);
        }
    }

    private boolean refresh() {
        if (tokens.refreshToken() == null) {
            ended = true;
            return false;
        }
        try {
            tokens = oidc.refresh(tokens.refreshToken());
            keep(tokens);
            LOG.info("access token refreshed; valid until {}", tokens.expiresAt());
            return true;
        } catch (SignInException e) {
            if (e.signInAgain()) {
                LOG.info("the sign-in has ended: {}", e.getMessage());
                ended = true;
                secrets.delete(secretKey);
                onEnded.run();
            } else {
                LOG.warn("could not refresh the access token: {}", e.getMessage());
            }
            return false;
        }
    }

    private void keep(TokenSet t) {
        if (t.refreshToken() != null) {
            secrets.put(secretKey, t.refreshToken());
        }
    }
}
