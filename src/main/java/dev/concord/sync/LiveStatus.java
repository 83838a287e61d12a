package dev.concord.sync;

/**
 * The state of the live event stream. {@code message} is English, for the log (empty while live): the console
 * words the {@link State} itself from its bundles, as sync speaks no language.
 */
public record LiveStatus(State state, String message) {
    public enum State {
        CONNECTING, LIVE, RECONNECTING,
        /** Will not retry by itself: the token was refused, or the client was closed. */
        UNAVAILABLE
    }

    public static LiveStatus live() {
        return new LiveStatus(State.LIVE, "");
    }
}
