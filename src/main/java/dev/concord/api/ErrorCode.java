package dev.concord.api;

/** Machine-readable error codes and the HTTP status each usually travels with. */
public enum ErrorCode {
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    INVALID_VERSION(400),
    /** The body version and the If-Match version disagree. */
    VERSION_HEADER_MISMATCH(400),
    OVERRIDE_REASON_REQUIRED(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    /** The Accept header allows no type the API answers in (application/json; text/event-stream for events). */
    NOT_ACCEPTABLE(406),
    /** 409, or 412 when the stale version came only from If-Match. */
    CONFLICT_VERSION_MISMATCH(409),
    /** POST with an id that a record (live or retired) already has. */
    ALREADY_EXISTS(409),
    /** DELETE of a record that live records still point to (invoices of a subscription, subscriptions of a plan). */
    HAS_DEPENDENTS(409),
    /** Restore of a record that is not retired. */
    NOT_DELETED(409),
    PAYLOAD_TOO_LARGE(413),
    /** The request line is longer than the HTTP server accepts (refused before any route runs). */
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_FAILED(422),
    /** The same Idempotency-Key was sent with a different body. */
    IDEMPOTENCY_KEY_REUSED(422),
    PRECONDITION_REQUIRED(428),
    RATE_LIMITED(429),
    /** The request headers are larger than the HTTP server accepts (refused before any route runs). */
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
