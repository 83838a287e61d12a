package dev.concord.auth;

import java.util.Objects;

/**
 * Signing in or refreshing did not work. {@link #signInAgain()} tells whether only a new interactive
 * sign-in can help (the refresh token was revoked or expired) or the provider was merely unreachable.
 *
 * <p>What went wrong is {@link #reason()} with its facts ({@link #issuer()}, {@link #detail()}): the console and
 * the command line word it in the agent's language. The message is English, for the log only: it may hold a
 * library's words.
 */
public final class SignInException extends Exception {
    /** What went wrong; {@link #detail()} as noted. */
    public enum Reason {
        /** No issuer or client id is configured; detail: the file an administrator sets them in. */
        NOT_SET_UP,
        /** The provider's sign-in settings (discovery document) could not be fetched or read. */
        PROVIDER_SETTINGS_UNREADABLE,
        /** The provider did not answer. */
        PROVIDER_UNREACHABLE,
        /** The provider said no; detail: its OAuth error code (access_denied, invalid_client, ...). */
        PROVIDER_REFUSED,
        /** The provider's answer could not be read. */
        PROVIDER_ANSWER_UNREADABLE,
        /** The refresh token is no longer accepted: the sign-in has ended. */
        SIGN_IN_ENDED,
        /** The browser's answer belonged to another sign-in (state mismatch). */
        STATE_MISMATCH,
        /** No answer from the browser in time; detail: the minutes waited. */
        TIMED_OUT,
        /** The wait for the browser's answer broke off, or was cancelled. */
        INTERRUPTED,
        /** The sign-in page could not be opened: no browser would start, or no local port could wait for its answer. */
        PAGE_NOT_OPENED
    }

    private final Reason reason;
    private final String issuer;
    private final String detail;
    private final boolean signInAgain;

    /**
     * @param issuer the provider's issuer URL (null when none is known)
     * @param detail see {@link Reason}; null where it names none
     * @param logMessage English, for the log
     */
    public SignInException(Reason reason, String issuer, String detail, boolean signInAgain, String logMessage,
                           Throwable cause) {
        super(logMessage, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.issuer = issuer;
        this.detail = detail;
        this.signInAgain = signInAgain;
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's issuer URL, or null. */
    public String issuer() {
        return issuer;
    }

    /** The fact the reason names (see {@link Reason}), or null. */
    public String detail() {
        return detail;
    }

    public boolean signInAgain() {
        return signInAgain;
    }
}
