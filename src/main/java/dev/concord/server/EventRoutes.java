package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ChangeEvent;
import dev.concord.api.ErrorCode;
import dev.concord.api.Presence;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/events}: Server-Sent Events, one {@code change} event per committed write. Written by
 * hand rather than with Javalin's SSE helper so that the request is validated (401, 400) with the usual
 * envelope before the stream starts, and so that a write error ends the stream at once.
 */
final class EventRoutes {
    /** Tells EventSource-style clients how long to wait before reconnecting. */
    private static final int RETRY_MILLIS = 2000;

    private final EventHub hub;

    EventRoutes(EventHub hub) {
        this.hub = hub;
    }

    void register(Javalin app) {
        app.get(ApiPaths.EVENTS, this::stream);
    }

    private void stream(Context ctx) throws IOException {
        Long lastEventId = parseLastEventId(ctx.header(ApiPaths.LAST_EVENT_ID));
        ctx.status(200);
        var res = ctx.res();
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        SseSink sink = new SseSink(out);
        sink.write("retry: " + RETRY_MILLIS + "\n: connected as " + Auth.principal(ctx).actor() + "\n\n");
        try {
            hub.stream(lastEventId, sink);
        } catch (IOException e) {
            // The client went away; that is how every stream ends.
        }
    }

    private static Long parseLastEventId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.strip().matches("\\d{1,18}")) {
            return Long.parseLong(raw.strip());
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "Last-Event-ID must be the id of an event this server sent "
                + "(a whole number), was '" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'");
    }

    /** Frames events as text/event-stream and flushes each one. */
    private static final class SseSink implements EventSink {
        private final OutputStream out;

        SseSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void send(ChangeEvent event) throws IOException {
            write("id: " + event.seq() + "\nevent: " + ChangeEvent.EVENT_NAME + "\ndata: " + Envelopes.toJson(event) + "\n\n");
        }

        @Override
        public void presence(Presence presence) throws IOException {
            // No id: presence is not replayed, and an id here would move the client's Last-Event-ID.
            write("event: " + Presence.EVENT_NAME + "\ndata: " + Envelopes.toJson(presence) + "\n\n");
        }

        @Override
        public void heartbeat() throws IOException {
            write(": heartbeat\n\n");
        }

        @Override
        public void overflow(long lastDeliveredSeq) throws IOException {
            write("event: " + ChangeEvent.OVERFLOW_EVENT_NAME + "\ndata: {\"lastEventId\":" + lastDeliveredSeq
                    + ",\"message\":\"This stream fell too far behind and is closed; reconnect with Last-Event-ID: "
                    + lastDeliveredSeq + " to miss nothing\"}\n\n");
        }

        void write(String frame) throws IOException {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
