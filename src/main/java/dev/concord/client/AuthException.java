package dev.concord.client;

/** 401 (no valid token) or 403 (the role does not allow it). */
public class AuthException extends ApiException {
    public AuthException(int status, String code, String message) {
        super(status, code, message);
    }
}
