package dev.concord.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.concord.api.ChangeEvent;
import dev.concord.api.Json;
import dev.concord.api.Presence;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One text/event-stream frame, encoded once and shared by every stream that sends it. {@code eventId} is
 * the id of a change event (0 for frames without one: presence, heartbeats, notices).
 */
record Frame(long eventId, byte[] bytes) {
    /** Tells EventSource-style clients how long to wait before reconnecting. */
    static final int RETRY_MILLIS = 2000;
    static final Frame HEARTBEAT = new Frame(0, ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));

    static Frame change(ChangeEvent e) {
        return new Frame(e.seq(), utf8("id: " + e.seq() + "\nevent: " + ChangeEvent.EVENT_NAME + "\ndata: " + json(e)
                + "\n\n"));
    }

    /** No id: presence is not replayed, and an id here would move the client's Last-Event-ID. */
    static Frame presence(Presence p) {
        return new Frame(0, utf8("event: " + Presence.EVENT_NAME + "\ndata: " + json(p) + "\n\n"));
    }

    static Frame opening(String who) {
        return new Frame(0, utf8("retry: " + RETRY_MILLIS + "\n: connected as " + who + "\n\n"));
    }

    static Frame overflow(long lastDelivered) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastEventId", lastDelivered);
        data.put("message", "This stream fell too far behind and is closed; reconnect with Last-Event-ID: "
                + lastDelivered + " to miss nothing");
        return new Frame(0, utf8("event: " + ChangeEvent.OVERFLOW_EVENT_NAME + "\ndata: " + json(data) + "\n\n"));
    }

    /**
     * The stream cannot continue after the client's Last-Event-ID; it continues after {@code head} instead,
     * and the id moves the client's Last-Event-ID there.
     */
    static Frame reset(long head, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastEventId", head);
        data.put("reason", reason);
        data.put("message", "Reload what you show: events before this one cannot be replayed (" + reason + ")");
        return new Frame(head, utf8("id: " + head + "\nevent: " + ChangeEvent.RESET_EVENT_NAME + "\ndata: " + json(data) + "\n\n"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wire values always serialise", e);
        }
    }
}
