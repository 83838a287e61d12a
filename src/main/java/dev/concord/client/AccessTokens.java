package dev.concord.client;

/**
 * Where the client gets the bearer token for each request. A static token never changes; a signed-in
 * session hands out its current access token and, when the server refuses one, tries to refresh it.
 */
public interface AccessTokens {
    /** The token to send now. */
    String current();

    /**
     * Called when the server answered 401 to {@code rejected}: a new token to retry with, or null when there
     * is none (a static token, or a session whose refresh token is no longer accepted: see {@link #signInRequired()}).
     */
    default String refreshAfterRejection(String rejected) {
        return null;
    }

    /** True once the session has ended and only signing in again helps. */
    default boolean signInRequired() {
        return false;
    }

    /** A token that never changes (static tokens, demo tokens). */
    static AccessTokens fixed(String token) {
        java.util.Objects.requireNonNull(token, "token");
        return () -> token;
    }
}
