package dev.concord.server;

import dev.concord.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of history pages: the change-log position the next (older) page starts below. */
final class HistoryCursor {
    private static final String PREFIX = "before:";

    private HistoryCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq to page below, or null for the newest page. */
    static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX) && text.substring(PREFIX.length()).matches("[1-9][0-9]{0,17}")) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "cursor is not one this server handed out; pass meta.nextCursor as is");
    }
}
