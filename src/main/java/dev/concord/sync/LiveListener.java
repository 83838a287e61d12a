package dev.concord.sync;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;

/** What {@link LiveEvents} tells its listeners, on the executor it was given. Every method is optional. */
public interface LiveListener {
    /** A committed write, in change-log order, each exactly once. */
    default void changed(ChangeEvent event) {
    }

    /** Someone's presence on a record changed (the caller's own presence included). */
    default void presence(Presence presence) {
    }

    default void status(LiveStatus status) {
    }

    /**
     * The stream could not resume where it was (the server's log was replaced, or the client was away
     * longer than the server can replay): writes may have been missed, so reload what is shown.
     */
    default void reset(String message) {
    }
}
