package dev.concord.testing;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID Connect provider in process (mock-oauth2-server on a free port) for one test class:
 * {@code @RegisterExtension static final OidcProvider IDP = new OidcProvider();}. Its issuer signs tokens
 * with its own RSA key and publishes discovery, JWKS, authorize, token and revoke endpoints.
 */
public final class OidcProvider implements BeforeAllCallback, AfterAllCallback {
    public static final String ISSUER_ID = "concord";
    public static final String AUDIENCE = "concord-api";
    public static final String CLIENT_ID = "concord-console";

    private MockOAuth2Server server;
    private dev.concord.server.ConcordServer concord;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MockOAuth2Server();
        server.start(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (concord != null) {
            concord.close();
            concord = null;
        }
        server.shutdown();
    }

    /**
     * A demo Concord server (in-memory, demo tokens too) that accepts this provider's access tokens, started
     * on first use and closed with the provider. No clock skew, so a token issued already expired is refused.
     */
    public synchronized dev.concord.server.ConcordServer concordServer() {
        if (concord == null) {
            concord = dev.concord.server.ConcordServer.start(dev.concord.server.ServerConfig.demoInMemory().withOidc(
                    new dev.concord.server.auth.OidcSettings(issuer(), AUDIENCE, null, null, null, java.time.Duration.ZERO)));
        }
        return concord;
    }

    public URI issuer() {
        return server.issuerUrl(ISSUER_ID).uri();
    }

    /** An issuer on the same provider with keys of its own: its tokens must not pass for ours. */
    public URI otherIssuer() {
        return server.issuerUrl("elsewhere").uri();
    }

    /** A signed access token for {@code username} with the given claims, valid for {@code expirySeconds} (negative: expired). */
    public String accessToken(String username, Map<String, Object> extraClaims, String audience, long expirySeconds) {
        Map<String, Object> claims = new java.util.HashMap<>(extraClaims);
        claims.put("preferred_username", username);
        SignedJWT jwt = server.issueToken(ISSUER_ID, username, audience, claims, expirySeconds);
        return jwt.serialize();
    }

    public String accessToken(String username, String role) {
        return accessToken(username, Map.of("roles", List.of(role)), AUDIENCE, 3600);
    }

    /** A token signed by the other issuer. */
    public String foreignToken(String username, String role) {
        return server.issueToken("elsewhere", username, AUDIENCE,
                Map.of("preferred_username", username, "roles", List.of(role)), 3600).serialize();
    }

    /**
     * The identity the next authorization-code (or refresh) exchange puts into its tokens. The provider
     * logs in without a form; the tokens carry these claims and live {@code expirySeconds}.
     */
    public void nextSignIn(String username, String role, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, username, "JWT", List.of(AUDIENCE),
                Map.of("preferred_username", username, "roles", List.of(role)), expirySeconds));
    }

    /** Revokes a refresh token at the provider, as an administrator ending someone's session would. */
    public void revoke(String refreshToken) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(server.revocationEndpointUrl(ISSUER_ID).uri())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + refreshToken
                                    + "&token_type_hint=refresh_token&client_id=" + CLIENT_ID))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("revocation answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The provider refuses the next token request with {@code invalid_grant}, as a real provider answers a
     * refresh with a revoked refresh token (mock-oauth2-server forgets revoked tokens but would still refresh
     * them with its default identity).
     */
    public void refuseNextRefresh() {
        server.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(ISSUER_ID) {
            @Override
            public String subject(com.nimbusds.oauth2.sdk.TokenRequest request) {
                throw new no.nav.security.mock.oauth2.OAuth2Exception(com.nimbusds.oauth2.sdk.OAuth2Error.INVALID_GRANT,
                        "refresh token revoked");
            }
        });
    }

    public MockOAuth2Server server() {
        return server;
    }
}
