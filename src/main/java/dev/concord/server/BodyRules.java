package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Request bodies: JSON only, at most {@link ApiPaths#MAX_BODY_BYTES}. */
final class BodyRules {
    private BodyRules() {
    }

    static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: "
                    + "application/json" + (type == null ? "" : " (was " + type.strip() + ")"));
        }
    }

    /** The body bytes; refuses a body over the limit before reading it, or as soon as it goes over. */
    static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > ApiPaths.MAX_BODY_BYTES) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > ApiPaths.MAX_BODY_BYTES) {
                    throw tooLarge(-1);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "The request body could not be read completely");
        }
    }

    static ApiError tooLarge(long declared) {
        return new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than the limit of "
                + ApiPaths.MAX_BODY_BYTES + " bytes (1 MiB)" + (declared > 0 ? "; it declared " + declared : ""));
    }
}
