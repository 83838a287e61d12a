package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.server.events.EventHub;
import dev.concord.server.events.StreamPermits;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/events}: Server-Sent Events, one {@code change} event per committed write. The
 * request is checked here with the usual envelope (401 before this runs, 400 for a malformed
 * Last-Event-ID, 429 past the per-caller cap) and only then handed to the {@link EventHub}, which writes
 * the stream with non-blocking I/O: the request thread returns at once and no thread waits for the client.
 */
final class EventRoutes {
    /** What a client waits before trying again when it already holds the maximum of streams. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** The id of the newest event sent when a GET was answered: open the stream with it as Last-Event-ID. */
    static final String HIGH_WATER_HEADER = ApiPaths.EVENTS_HIGH_WATER;
    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,18}");

    private final EventHub hub;
    private final StreamPermits permits;

    EventRoutes(EventHub hub, StreamPermits permits) {
        this.hub = hub;
        this.permits = permits;
    }

    void register(Javalin app) {
        // Read before the handler reads its data: any write the answer does not show comes after this id.
        app.before(ApiPaths.PREFIX + "/*", ctx -> {
            if ("GET".equals(ctx.method().name()) && !ApiPaths.EVENTS.equals(ctx.path())) {
                ctx.header(HIGH_WATER_HEADER, Long.toString(hub.head()));
            }
        });
        app.get(ApiPaths.EVENTS, this::stream);
    }

    private void stream(Context ctx) throws java.io.IOException {
        Long lastEventId = parseLastEventId(ctx.header(ApiPaths.LAST_EVENT_ID));
        String who = Auth.principal(ctx).actor();
        Runnable release = permits.tryAcquire(who);
        if (release == null) {
            ctx.header(ApiPaths.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            throw new ApiError(429, ErrorCode.RATE_LIMITED, who + " already has " + permits.perCaller()
                    + " event streams open, the most one caller may hold; close one (a console needs one)",
                    Map.of("maxStreams", permits.perCaller()));
        }
        try {
            ctx.status(200);
            var res = ctx.res();
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            var out = res.getOutputStream();
            // Javalin starts async mode before calling the supplier and completes the exchange with the future.
            ctx.future(() -> {
                try {
                    return hub.open(ctx.req().getAsyncContext(), out, who, lastEventId, release);
                } catch (RuntimeException e) {
                    release.run();
                    throw e;
                }
            });
        } catch (RuntimeException | java.io.IOException e) {
            release.run();
            throw e;
        }
    }

    private static Long parseLastEventId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (EVENT_ID.matcher(raw.strip()).matches()) {
            return Long.parseLong(raw.strip());
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "Last-Event-ID must be the id of an event this server sent "
                + "(a whole number from 0 to 18 digits), was '" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw)
                + "'");
    }
}
