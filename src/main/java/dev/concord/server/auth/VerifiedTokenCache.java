package dev.concord.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens already verified, so a client's every request does not pay the signature check and claim
 * parsing again: kept for at most {@link #TTL_MILLIS} and never past the token's own expiry, keyed by the
 * token's SHA-256 (the token itself is not kept). Only accepted tokens are kept; a refused one is checked
 * again each time, so its answer always names the current reason. Bounded: when full it starts over.
 */
final class VerifiedTokenCache {
    /** A key withdrawn by the provider stops being honoured at most this long after (tokens are checked again). */
    static final long TTL_MILLIS = 30_000;
    static final int MAX_ENTRIES = 10_000;

    private record Entry(VerifiedToken token, long validUntilMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The verified token, or null when it is not here or no longer valid at {@code nowMillis}. */
    VerifiedToken get(String key, long nowMillis) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nowMillis >= e.validUntilMillis()) {
            entries.remove(key, e);
            return null;
        }
        return e.token();
    }

    /** Keeps {@code token} until {@code expiresAtMillis} (its exp claim) or the TTL, whichever comes first. */
    void put(String key, VerifiedToken token, long expiresAtMillis, long nowMillis) {
        long until = Math.min(expiresAtMillis, nowMillis + TTL_MILLIS);
        if (until <= nowMillis) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // many distinct callers within one TTL: start over rather than track ages
        }
        entries.put(key, new Entry(token, until));
    }

    int size() {
        return entries.size();
    }

    /** The cache key of a token: its SHA-256, base64. */
    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
