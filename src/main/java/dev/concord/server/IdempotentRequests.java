package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a write, read the same way by every route that writes (PATCH, create,
 * restore): the key's syntax, and answering a retry with what the first request answered.
 */
final class IdempotentRequests {
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,200}$");

    private IdempotentRequests() {
    }

    /** The request's key, or null when it sent none; 400 when it is not 1 to 200 visible ASCII characters. */
    static String key(Context ctx) {
        String key = ctx.header(ApiPaths.IDEMPOTENCY_KEY);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "Idempotency-Key must be 1 to 200 visible ASCII characters,"
                    + " such as a UUID");
        }
        return key;
    }

    /**
     * Answers the request from the store when {@code key} was already used by this actor: the stored answer
     * for the same request, 422 for a different one ({@code newWhat} says what a new key is for: "change",
     * "record"). False when the key is new.
     */
    static boolean replayed(IdempotencyStore store, Context ctx, TokenStore.Principal who, String key, String fingerprint,
                            String newWhat) {
        Optional<IdempotencyStore.Stored> stored = store.find(who.actor(), key);
        if (stored.isEmpty()) {
            return false;
        }
        if (!stored.get().requestHash().equals(fingerprint)) {
            throw new ApiError(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used for a "
                    + "different request; use a new key for each new " + newWhat);
        }
        if (stored.get().etag() != null) {
            ctx.header(ApiPaths.ETAG, stored.get().etag());
        }
        ctx.header("Idempotent-Replayed", "true");
        Envelopes.replay(ctx, stored.get().status(), stored.get().dataJson());
        return true;
    }
}
