package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.domain.Entity;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a write, read the same way by every route that writes (PATCH, create,
 * restore): the key's syntax, and answering a retry with what the first request answered.
 */
final class IdempotentRequests {
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,200}$");
    /** How many predicted answers had to be corrected ({@link Answer#stored}); tests expect none. */
    static final java.util.concurrent.atomic.AtomicLong CORRECTED = new java.util.concurrent.atomic.AtomicLong();

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

    /**
     * The work a write does in its transaction for its key (none when {@code key} is null): it stores the
     * answer with the write, and keeps the record's JSON it made for that, so the response sends the same
     * bytes instead of serializing the record a second time.
     */
    static Answer answer(IdempotencyStore store, TokenStore.Principal who, String key, String fingerprint, int status) {
        return new Answer(store, who, key, fingerprint, status);
    }

    /** See {@link #answer}. */
    static final class Answer implements RecordRepository.InTransaction {
        private final IdempotencyStore store;
        private final TokenStore.Principal who;
        private final String key;
        private final String fingerprint;
        private final int status;
        private String dataJson;
        /** Set when the write stored the answer in its own statement ({@link #stored}): afterWrite adds nothing. */
        private boolean storedByWrite;

        private Answer(IdempotencyStore store, TokenStore.Principal who, String key, String fingerprint, int status) {
            this.store = store;
            this.who = who;
            this.key = key;
            this.fingerprint = fingerprint;
            this.status = status;
        }

        @Override
        public void afterWrite(Connection c, WriteOutcome.Written written) throws SQLException {
            if (key != null && !storedByWrite) {
                dataJson = Envelopes.toJson(written.entity());
                store.store(c, who.actor(), key, new IdempotencyStore.Stored(fingerprint, status,
                        ApiPaths.etag(written.entity().version()), dataJson));
            }
        }

        @Override
        public boolean answeredMeanwhile(Connection c) throws SQLException {
            return key != null && store.find(c, who.actor(), key).isPresent();
        }

        @Override
        public boolean writesNothing() {
            return key == null;
        }

        @Override
        public Answer keyed() {
            return key == null ? null : this;
        }

        String actor() {
            return who.actor();
        }

        String key() {
            return key;
        }

        /**
         * The answer to store with a write that will return {@code predicted}: the write's statement carries it,
         * so its JSON is made before the statement runs (from the row read before it and the changes). Changes
         * nothing here: {@link #stored} says when the write did store it.
         */
        IdempotencyStore.Claim claimFor(Entity predicted, java.time.Instant now) {
            return new IdempotencyStore.Claim(who.actor(), key, new IdempotencyStore.Stored(fingerprint, status,
                    ApiPaths.etag(predicted.version()), Envelopes.toJson(predicted)), now);
        }

        /**
         * The write stored {@code claim} in its statement and came back as {@code written}. The prediction is exact
         * (the same canonical values the statement bound, the version + 1, the server's millisecond clock); if a
         * row ever came back otherwise, the stored answer is corrected to it, so a replay still answers exactly
         * what this request answers.
         */
        void stored(Connection c, IdempotencyStore.Claim claim, Entity predicted, Entity written) throws SQLException {
            storedByWrite = true;
            dataJson = claim.answer().dataJson();
            if (!written.equals(predicted)) {
                CORRECTED.incrementAndGet();
                dataJson = Envelopes.toJson(written);
                IdempotencyStore.correct(c, who.actor(), key, ApiPaths.etag(written.version()), dataJson);
                org.slf4j.LoggerFactory.getLogger(IdempotentRequests.class).warn(
                        "stored answer for a {} differed from the row written; corrected", written.kind().singular());
            }
        }

        /** Answers the written record: its ETag and the JSON the store holds, byte for byte the same. */
        void send(Context ctx, Entity written) {
            ctx.header(ApiPaths.ETAG, ApiPaths.etag(written.version()));
            Envelopes.okJson(ctx, status, dataJson != null ? dataJson : Envelopes.toJson(written));
        }
    }
}
