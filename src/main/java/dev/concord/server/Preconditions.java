package dev.concord.server;

import dev.concord.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} or {@code If-None-Match} header as RFC 9110 section 13.1 reads it: {@code *} or a
 * list of entity tags, each strong ({@code "7"}) or weak ({@code W/"7"}). This API's tags are versions in
 * quotes. If-Match compares strongly (a weak tag never matches); If-None-Match compares weakly.
 *
 * @param any  the header was {@code *}
 * @param tags the listed tags, when not {@code *}
 */
record Preconditions(boolean any, List<Tag> tags) {
    /** One entity tag: its opaque text between the quotes, and whether it was marked weak. */
    record Tag(boolean weak, String opaque) {
    }

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*");

    /**
     * The header parsed, or null when absent.
     *
     * @throws ApiError 400 INVALID_VERSION when it is neither {@code *} nor a list of quoted tags
     */
    static Preconditions parse(String header, String name) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new Preconditions(true, List.of());
        }
        List<Tag> tags = new ArrayList<>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (true) {
            m.region(at, header.length());
            if (!m.lookingAt()) {
                throw malformed(name, header);
            }
            tags.add(new Tag(m.group(1) != null, m.group(2)));
            at = m.end();
            if (at == header.length()) {
                break;
            }
            if (header.charAt(at) != ',') {
                throw malformed(name, header);
            }
            at++;
        }
        return new Preconditions(false, List.copyOf(tags));
    }

    /** If-Match: {@code *} (the record exists), or a strong tag naming {@code version}. */
    boolean strongMatch(long version) {
        return any || tags.stream().anyMatch(t -> !t.weak() && t.opaque().equals(Long.toString(version)));
    }

    /** If-None-Match: {@code *}, or any tag, weak or strong, naming {@code version}. */
    boolean weakMatch(long version) {
        return any || tags.stream().anyMatch(t -> t.opaque().equals(Long.toString(version)));
    }

    /** The version of a lone strong tag such as {@code "7"}; null for *, lists, weak or non-numeric tags. */
    Long singleStrongVersion() {
        if (any || tags.size() != 1 || tags.get(0).weak() || !tags.get(0).opaque().matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.parseLong(tags.get(0).opaque());
    }

    private static ApiError malformed(String name, String header) {
        String shown = header.length() > 80 ? header.substring(0, 80) + "..." : header;
        return new ApiError(ErrorCode.INVALID_VERSION, name + " must be * or entity tags in quotes, such as \"7\""
                + " or \"6\", \"7\"; was " + shown.replaceAll("\\p{Cntrl}", " "));
    }
}
