package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Content negotiation of answers: the API answers in {@code application/json} (the event stream in
 * {@code text/event-stream}); a request whose Accept header allows neither gets a 406, told in JSON.
 */
final class Negotiation {
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    private Negotiation() {
    }

    /** Before-handler for every route. */
    static void checkAccept(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return;
        }
        boolean events = ctx.path().equals(ApiPaths.EVENTS);
        if (accepts(accept, JSON) || (events && accepts(accept, EVENT_STREAM))) {
            return;
        }
        throw new ApiError(ErrorCode.NOT_ACCEPTABLE, "This API answers in " + (events ? EVENT_STREAM + " or " : "")
                + JSON + "; the Accept header allows neither");
    }

    /** Whether an Accept header admits {@code type} with a quality above zero (RFC 9110 section 12.5.1). */
    static boolean accepts(String accept, String type) {
        String main = type.substring(0, type.indexOf('/'));
        double best = -1;
        int bestSpecificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String media = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity;
            if (media.equals(type)) {
                specificity = 2;
            } else if (media.equals(main + "/*")) {
                specificity = 1;
            } else if (media.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0; // an unreadable weight admits nothing
                    }
                }
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                best = q;
            }
        }
        return best > 0;
    }
}
