package dev.concord.auth;

import java.time.Instant;

/**
 * What a sign-in or a refresh returns.
 *
 * @param accessToken  sent to the Concord server
 * @param refreshToken kept in the secret store to get new access tokens; may be null
 * @param expiresAt    when the access token expires, as the provider said
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt) {
    @Override
    public String toString() {
        return "TokenSet[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "kept") + "]";
    }
}
