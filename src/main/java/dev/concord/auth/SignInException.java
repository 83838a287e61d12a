package dev.concord.auth;

/**
 * Signing in or refreshing did not work. {@link #signInAgain()} tells whether only a new interactive
 * sign-in can help (the refresh token was revoked or expired) or the provider was merely unreachable.
 */
public final class SignInException extends Exception {
    private final boolean signInAgain;

    public SignInException(String message, boolean signInAgain, Throwable cause) {
        super(message, cause);
        this.signInAgain = signInAgain;
    }

    public boolean signInAgain() {
        return signInAgain;
    }
}
