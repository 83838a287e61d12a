package dev.concord.server;

import dev.concord.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests that are not valid HTTP (folded or illegal header characters, conflicting lengths, a request
 * line or headers over Jetty's limits) are refused by Jetty before any route runs; without this the
 * client got Jetty's HTML page instead of the API's error envelope and a documented code.
 */
final class BadMessageHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ErrorCode code = switch (status) {
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", "The request is not valid HTTP and was refused: " + (reason == null ? "bad message" : reason));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("timestamp", java.time.Instant.now().toString());
        meta.put("requestId", UUID.randomUUID().toString());
        meta.put("apiVersion", dev.concord.api.ApiPaths.API_VERSION);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("meta", meta);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Envelopes.toJson(body).getBytes(StandardCharsets.UTF_8));
    }
}
