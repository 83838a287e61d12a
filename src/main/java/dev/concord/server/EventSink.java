package dev.concord.server;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import java.io.IOException;

/** Where one subscriber's events go; the SSE stream in production, a recorder in tests. */
interface EventSink {
    void send(ChangeEvent event) throws IOException;

    /** Someone started or stopped viewing or editing a record; not resumable, carries no event id. */
    void presence(Presence presence) throws IOException;

    /** Keeps proxies from closing an idle stream. */
    void heartbeat() throws IOException;

    /** Says the subscriber fell too far behind and is being dropped; it may resume with its last event id. */
    void overflow(long lastDeliveredSeq) throws IOException;
}
