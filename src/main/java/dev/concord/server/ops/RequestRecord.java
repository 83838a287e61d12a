package dev.concord.server.ops;

/**
 * One answered request as the request log and the metrics see it.
 *
 * @param requestId the X-Request-Id of the request
 * @param actor     who sent it, or "-" before authentication
 * @param method    HTTP method
 * @param route     route template (e.g. {@code /api/v1/subscriptions/{id}}), never the raw path, so ids
 *                  stay out of metric labels; {@code unmatched} when no route matched
 * @param status    HTTP status sent
 * @param millis    time from the request's arrival to the end of its handling
 * @param override  the request carried an override reason
 * @param replayed  the answer was an idempotent replay
 */
public record RequestRecord(String requestId, String actor, String method, String route, int status, double millis,
                            boolean override, boolean replayed) {
}
