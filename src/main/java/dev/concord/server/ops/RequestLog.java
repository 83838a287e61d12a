package dev.concord.server.ops;

import io.javalin.http.Context;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per answered request (logger {@code concord.request}) and the per-request metrics. Used as
 * Javalin's request logger, so it sees every request, refused ones included, after the answer is written.
 *
 * <p>The fields travel as SLF4J key/value pairs too, so the JSON log format carries them as members
 * ({@code requestId, actor, method, route, status, ms}) rather than inside the message text.
 */
public final class RequestLog {
    /** Context attribute holding the actor, set by the server before it clears its MDC. */
    public static final String ACTOR_ATTR = "concord.ops.actor";
    /** Context attribute holding the request id. */
    public static final String REQUEST_ID_ATTR = "concord.requestId";
    private static final Logger LOG = LoggerFactory.getLogger("concord.request");

    private final Consumer<RequestRecord> metrics;

    public RequestLog(OpsMetrics metrics) {
        this.metrics = metrics::record;
    }

    /** A log without metrics (the console's embedded demo server keeps none). */
    public RequestLog() {
        this.metrics = r -> { };
    }

    /** Javalin's {@code RequestLogger}: called once per request with its handling time. */
    public void handle(Context ctx, Float executionTimeMs) {
        RequestRecord r = describe(ctx, executionTimeMs == null ? 0 : executionTimeMs);
        metrics.accept(r);
        if (!LOG.isInfoEnabled()) {
            return; // the line's arguments cost more than the metrics; build them only for a line written
        }
        String ms = tenths(r.millis());
        LOG.atInfo()
                .addKeyValue("requestId", r.requestId())
                .addKeyValue("actor", r.actor())
                .addKeyValue("method", r.method())
                .addKeyValue("route", r.route())
                .addKeyValue("status", r.status())
                .addKeyValue("ms", Math.round(r.millis() * 10) / 10.0)
                .log("{} {} {} {} {} {} ms", r.requestId(), r.actor(), r.method(), r.route(), r.status(), ms);
    }

    /**
     * {@code millis} with one decimal, as {@code String.format(Locale.ROOT, "%.1f", millis)} writes it, without
     * the Formatter, which parsed its pattern and built decimal symbols on every request (issue 16 profile).
     */
    static String tenths(double millis) {
        long t = Math.round(Math.max(0, millis) * 10);
        return (t / 10) + "." + (t % 10);
    }

    static RequestRecord describe(Context ctx, double millis) {
        Object id = ctx.attribute(REQUEST_ID_ATTR);
        Object actor = ctx.attribute(ACTOR_ATTR);
        return new RequestRecord(id == null ? "-" : id.toString(), actor == null ? "-" : actor.toString(),
                ctx.method().name(), routeOf(ctx), ctx.statusCode(), millis,
                ctx.header("X-Override-Reason") != null, "true".equals(ctx.res().getHeader("Idempotent-Replayed")));
    }

    /** The route template that answered; never the raw path, whose ids would make every label unique. */
    static String routeOf(Context ctx) {
        String template;
        try {
            template = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            // No endpoint ran (refused in a before-handler, or no route matched).
            template = null;
        }
        if (template == null || template.isEmpty() || "*".equals(template)) {
            return "unmatched";
        }
        return template;
    }
}
