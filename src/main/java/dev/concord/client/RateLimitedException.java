package dev.concord.client;

import java.time.Duration;
import java.util.Optional;

/** 429 or 503: come back later, after {@code Retry-After} when the server said so. */
public final class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    public RateLimitedException(int status, String code, String message, Duration retryAfter) {
        super(status, code, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
