package dev.concord.sync;

/** The state of the live event stream, with a message fit to show an agent (empty while live). */
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
