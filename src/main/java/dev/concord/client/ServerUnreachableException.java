package dev.concord.client;

/**
 * No answer: connection refused, unknown host or a timeout. A write may or may not have landed, so a
 * retry must reuse the same idempotency key.
 */
public final class ServerUnreachableException extends ApiException {
    private final boolean timedOut;

    public ServerUnreachableException(String message, boolean timedOut, Throwable cause) {
        super(0, "SERVER_UNREACHABLE", message, cause);
        this.timedOut = timedOut;
    }

    /** True when the request may have reached the server (a timeout rather than a refused connection). */
    public boolean timedOut() {
        return timedOut;
    }
}
