package dev.concord.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The console's registration at the identity provider.
 *
 * @param issuer   issuer URL (discovery at {@code <issuer>/.well-known/openid-configuration})
 * @param clientId the public client id registered for the console (no secret: a desktop app cannot keep one)
 * @param scopes   requested scopes; {@code openid} and {@code offline_access} (for a refresh token) by default
 */
public record OidcClientSettings(URI issuer, String clientId, List<String> scopes) {
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "offline_access");

    public OidcClientSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client id is needed to sign in (CONCORD_CLIENT_ID or client_id in console.conf)");
        }
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
    }
}
