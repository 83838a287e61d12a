package dev.concord.server.auth;

/** An access token that is not accepted; the message says why in words a caller can act on. */
public final class InvalidTokenException extends Exception {
    private final boolean providerUnavailable;

    public InvalidTokenException(String message, boolean providerUnavailable, Throwable cause) {
        super(message, cause);
        this.providerUnavailable = providerUnavailable;
    }

    /** True when the token could not be checked because the identity provider did not answer. */
    public boolean providerUnavailable() {
        return providerUnavailable;
    }
}
