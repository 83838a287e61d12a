package dev.concord.client;

/**
 * 401 after the session could not be refreshed (the refresh token was revoked or expired): the person has
 * to sign in again. Anything they were saving is kept by the caller.
 */
public final class SessionExpiredException extends AuthException {
    public SessionExpiredException(String message) {
        super(401, "UNAUTHORIZED", message);
    }
}
