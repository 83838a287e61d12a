package dev.concord.api;

/** URL prefix and header names of API version 1. */
public final class ApiPaths {
    public static final String PREFIX = "/api/v1";
    public static final int API_VERSION = 1;
    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String OVERRIDE_REASON = "X-Override-Reason";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String RETRY_AFTER = "Retry-After";
    /** The live event stream (Server-Sent Events) of committed writes. */
    public static final String EVENTS = PREFIX + "/events";
    /** SSE resume header: the {@code seq} of the last event the client received. */
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    /**
     * Response header of every GET under the prefix but the stream: the id of the newest event the server
     * had sent when it read the answer. Opening the stream with it as Last-Event-ID misses nothing.
     */
    public static final String EVENTS_HIGH_WATER = "X-Last-Event-Id";
    /** Bodies above this are refused with 413 before they are parsed. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private ApiPaths() {
    }

    /** The ETag value for a version: the version number in double quotes. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
