package dev.concord.auth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of OpenID Connect, on oauth2-oidc-sdk: the authorization code flow with PKCE (S256)
 * through the system browser and a loopback redirect, the refresh of an access token, and revoking the
 * refresh token at sign-out. A public client: no secret. Thread-safe.
 */
public final class OidcClient {
    private static final Logger LOG = LoggerFactory.getLogger(OidcClient.class);
    private static final int TIMEOUT_MS = 10_000;
    /** Assumed lifetime when the provider does not say (RFC 6749 leaves expires_in optional). */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final OidcClientSettings settings;
    private final Clock clock;
    private volatile OIDCProviderMetadata provider;

    public OidcClient(OidcClientSettings settings) {
        this(settings, Clock.systemUTC());
    }

    OidcClient(OidcClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public OidcClientSettings settings() {
        return settings;
    }

    /**
     * Signs in interactively: opens the provider's page with {@code browser}, waits at most {@code timeout}
     * for the redirect to the loopback listener, and exchanges the code (with the PKCE verifier) for tokens.
     */
    public TokenSet signIn(Browser browser, Duration timeout) throws SignInException {
        OIDCProviderMetadata meta = provider();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            URI redirect = receiver.redirectUri();
            AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                    new Scope(settings.scopes().toArray(String[]::new)), new ClientID(settings.clientId()), redirect)
                    .endpointURI(meta.getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(new Nonce())
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build();
            browser.open(request.toURI());
            URI callback = receiver.callback().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            AuthorizationResponse response = AuthorizationResponse.parse(callback);
            if (!state.equals(response.getState())) {
                throw failure(SignInException.Reason.STATE_MISMATCH, null, true,
                        "The sign-in answer did not belong to this sign-in (state mismatch)", null);
            }
            if (!response.indicatesSuccess()) {
                AuthorizationErrorResponse error = response.toErrorResponse();
                throw failure(SignInException.Reason.PROVIDER_REFUSED, error.getErrorObject().getCode(), true,
                        "The identity provider refused the sign-in: " + describe(error.getErrorObject()), null);
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            return exchange(meta, new AuthorizationCodeGrant(code, redirect, verifier), null);
        } catch (TimeoutException e) {
            throw failure(SignInException.Reason.TIMED_OUT, String.valueOf(timeout.toMinutes()), true,
                    "No answer from the browser within " + timeout.toMinutes() + " minutes", e);
        } catch (ExecutionException e) {
            throw failure(SignInException.Reason.INTERRUPTED, null, true, "The wait for the browser's answer failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(SignInException.Reason.INTERRUPTED, null, true, "The sign-in was cancelled", e);
        } catch (IOException e) {
            throw failure(SignInException.Reason.PAGE_NOT_OPENED, null, true, "Could not open the sign-in page", e);
        } catch (ParseException e) {
            throw failure(SignInException.Reason.PROVIDER_ANSWER_UNREADABLE, null, true,
                    "The identity provider sent an answer that cannot be read", e);
        }
    }

    /** New tokens for a refresh token; {@link SignInException#signInAgain()} when it is no longer accepted. */
    public TokenSet refresh(String refreshToken) throws SignInException {
        RefreshToken token = new RefreshToken(refreshToken);
        return exchange(provider(), new RefreshTokenGrant(token), refreshToken);
    }

    /** Revokes the refresh token at the provider, where it offers revocation; best effort (sign-out goes on). */
    public void revoke(String refreshToken) {
        try {
            OIDCProviderMetadata meta = provider();
            if (meta.getRevocationEndpointURI() == null) {
                return;
            }
            new TokenRevocationRequest(meta.getRevocationEndpointURI(), new ClientID(settings.clientId()),
                    new RefreshToken(refreshToken)).toHTTPRequest().send();
        } catch (IOException | SignInException e) {
            LOG.warn("could not revoke the refresh token at {}: {}", settings.issuer(), e.getMessage());
        }
    }

    private TokenSet exchange(OIDCProviderMetadata meta, AuthorizationGrant grant, String previousRefresh)
            throws SignInException {
        try {
            TokenRequest request = new TokenRequest(meta.getTokenEndpointURI(), new ClientID(settings.clientId()), grant, null);
            var http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse response = TokenResponse.parse(http.send());
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                boolean dead = OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode());
                throw dead ? failure(SignInException.Reason.SIGN_IN_ENDED, null, true, "The refresh token is no longer accepted", null)
                        : failure(SignInException.Reason.PROVIDER_REFUSED, error.getCode(), previousRefresh == null,
                                "The identity provider refused: " + describe(error), null);
            }
            Tokens tokens = response.toSuccessResponse().getTokens();
            AccessToken access = tokens.getAccessToken();
            Instant expires = clock.instant().plus(access.getLifetime() > 0 ? Duration.ofSeconds(access.getLifetime()) : DEFAULT_LIFETIME);
            // A provider may keep the refresh token as it is and not send it again.
            String refresh = tokens.getRefreshToken() != null ? tokens.getRefreshToken().getValue() : previousRefresh;
            return new TokenSet(access.getValue(), refresh, expires);
        } catch (IOException e) {
            throw failure(SignInException.Reason.PROVIDER_UNREACHABLE, null, false,
                    "Cannot reach the identity provider at " + settings.issuer(), e);
        } catch (ParseException e) {
            throw failure(SignInException.Reason.PROVIDER_ANSWER_UNREADABLE, null, false,
                    "The identity provider sent a token answer that cannot be read", e);
        }
    }

    private OIDCProviderMetadata provider() throws SignInException {
        OIDCProviderMetadata meta = provider;
        if (meta == null) {
            try {
                meta = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), TIMEOUT_MS, TIMEOUT_MS);
            } catch (GeneralException | IOException e) {
                throw failure(e instanceof IOException ? SignInException.Reason.PROVIDER_UNREACHABLE
                        : SignInException.Reason.PROVIDER_SETTINGS_UNREADABLE, null, false,
                        "Cannot read the sign-in settings of " + settings.issuer(), e);
            }
            provider = meta;
        }
        return meta;
    }

    private SignInException failure(SignInException.Reason reason, String detail, boolean signInAgain, String log,
                                    Throwable cause) {
        return new SignInException(reason, String.valueOf(settings.issuer()), detail, signInAgain, log, cause);
    }

    private static String describe(ErrorObject error) {
        return error.getDescription() != null ? error.getDescription() : String.valueOf(error.getCode());
    }
}
