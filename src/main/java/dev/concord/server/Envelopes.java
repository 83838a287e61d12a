package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.concord.api.ApiPaths;
import dev.concord.api.Json;
import dev.concord.api.Meta;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the response envelope that every answer of the API shares. */
final class Envelopes {
    static final String REQUEST_ID_ATTR = "concord.requestId";
    private static final String JSON = "application/json";

    private Envelopes() {
    }

    static void ok(Context ctx, int status, Object data, String nextCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        body.put("meta", meta(ctx, nextCursor));
        write(ctx, status, body);
    }

    /** As {@link #ok} without a cursor, with {@code data} already serialized ({@link #toJson}): sent as is. */
    static void okJson(Context ctx, int status, String dataJson) {
        ctx.status(status);
        ctx.contentType(JSON);
        ctx.result(okBody(dataJson, meta(ctx, null)));
    }

    /**
     * The bytes {@link #ok} writes for data already serialized ({"success":true,"data":...,"meta":...}), put
     * together directly: the map and raw-value serializers were a few % of a PATCH's CPU (issue 16).
     */
    static String okBody(String dataJson, Meta meta) {
        String metaJson = toJson(meta);
        return new StringBuilder(dataJson.length() + metaJson.length() + 40).append("{\"success\":true,\"data\":")
                .append(dataJson).append(",\"meta\":").append(metaJson).append('}').toString();
    }

    static void error(Context ctx, ApiError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        error.putAll(e.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("meta", meta(ctx, null));
        write(ctx, e.status(), body);
    }

    /** The JSON of {@code data} alone, as the idempotency store keeps it for replays. */
    static String toJson(Object data) {
        try {
            return Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response data always serialises", e);
        }
    }

    /** Replays a stored answer: the same status and the stored data byte for byte, a fresh meta. */
    static void replay(Context ctx, int status, String dataJson) {
        okJson(ctx, status, dataJson);
    }

    static String requestId(Context ctx) {
        Object id = ctx.attribute(REQUEST_ID_ATTR);
        return id == null ? "unknown" : id.toString();
    }

    private static Meta meta(Context ctx, String nextCursor) {
        return new Meta(Instant.now(Clock.systemUTC()), requestId(ctx), ApiPaths.API_VERSION, nextCursor);
    }

    private static void write(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(JSON);
        ctx.result(toJson(body));
    }
}
