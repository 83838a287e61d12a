package dev.concord.server;

import dev.concord.api.ErrorCode;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed request is answered: every exception a handler throws becomes the API's error envelope, with
 * the status its {@link ApiError} says; a transient database fault a 503; anything unexpected a logged 500
 * that names the request id and nothing of the server's insides.
 */
final class ApiErrors {
    // The server's logger name, as before these handlers had a class of their own.
    private static final Logger LOG = LoggerFactory.getLogger(ConcordServer.class);

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> Envelopes.error(ctx, e));
        app.exception(dev.concord.api.ValidationException.class,
                (e, ctx) -> Envelopes.error(ctx, PatchInput.validation(e.fields())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                ctx.header("Allow", allowed(e)); // RFC 9110 15.5.6: a 405 names the methods the route has
            }
            Envelopes.error(ctx, fromJavalin(e));
        });
        app.exception(Exception.class, (e, ctx) -> {
            ApiError busy = TransientFaults.answer(ctx, e);
            if (busy != null) {
                LOG.warn("Transient database fault in {} {} (request {}): {}", ctx.method(), ctx.path(),
                        Envelopes.requestId(ctx), e.getMessage());
                Envelopes.error(ctx, busy);
                return;
            }
            LOG.error("Unexpected failure in {} {} (request {})", ctx.method(), ctx.path(), Envelopes.requestId(ctx), e);
            Envelopes.error(ctx, new ApiError(ErrorCode.INTERNAL_ERROR, "Something went wrong on the server; "
                    + "it has been logged with request id " + Envelopes.requestId(ctx)));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                Envelopes.error(ctx, new ApiError(ErrorCode.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    /** The methods Javalin found for the path, as an Allow header value (HEAD wherever GET is). */
    private static String allowed(HttpResponseException e) {
        String raw = String.valueOf(e.getDetails().getOrDefault("availableMethods", ""));
        Set<String> methods = new LinkedHashSet<>();
        for (String m : raw.replaceAll("[\\[\\]]", "").split(",")) {
            if (!m.isBlank()) {
                methods.add(m.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new ApiError(ErrorCode.NOT_FOUND, "No such endpoint");
            case 405 -> new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not support that method");
            case 413 -> BodyRules.tooLarge(-1);
            case 401 -> new ApiError(ErrorCode.UNAUTHORIZED, "Authentication required");
            case 403 -> new ApiError(ErrorCode.FORBIDDEN, "Not allowed");
            default -> e.getStatus() >= 500
                    ? new ApiError(ErrorCode.INTERNAL_ERROR, "Something went wrong on the server")
                    : new ApiError(e.getStatus(), ErrorCode.BAD_REQUEST, "The request was refused", Map.of());
        };
    }
}
