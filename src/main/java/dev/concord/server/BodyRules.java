package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Request bodies: {@code application/json} only, at most {@link ApiPaths#MAX_BODY_BYTES}. */
final class BodyRules {
    private BodyRules() {
    }

    /**
     * Writes take exactly {@code application/json}, optionally with {@code charset=utf-8}; anything else
     * (merge-patch, JSON Patch, vendor types, other charsets or parameters) is a 415.
     */
    static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (!isPlainJson(type)) {
            throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: "
                    + "application/json (optionally ; charset=utf-8)"
                    + (type == null ? "" : "; was " + shorten(type.strip())));
        }
    }

    static boolean isPlainJson(String type) {
        if (type == null) {
            return false;
        }
        String[] parts = type.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (!param.equals("charset=utf-8") && !param.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return parts.length <= 2;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }

    /** The body bytes; refuses a body over the limit before reading it, or as soon as it goes over. */
    static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > ApiPaths.MAX_BODY_BYTES) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                // A declared length (what clients send for a small JSON body) is read straight into an array
                // of that size, not through a 16 KiB buffer and a growing copy per request (issue 16). Jetty
                // ends the stream at the declared length, so nothing beyond it can arrive.
                return in.readNBytes((int) declared);
            }
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
