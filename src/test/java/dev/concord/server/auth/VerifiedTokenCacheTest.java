package dev.concord.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final long NOW = 1_800_000_000_000L;
    private final VerifiedTokenCache cache = new VerifiedTokenCache();
    private final VerifiedToken alice = new VerifiedToken("alice", "agent");

    @Test
    void aVerifiedTokenIsKeptForTheTtlWhenItExpiresLater() {
        String key = VerifiedTokenCache.key("eyJ.a.b");
        cache.put(key, alice, NOW + 3_600_000, NOW);
        assertThat(cache.get(key, NOW + VerifiedTokenCache.TTL_MILLIS - 1)).isEqualTo(alice);
        assertThat(cache.get(key, NOW + VerifiedTokenCache.TTL_MILLIS)).as("checked again after the TTL").isNull();
    }

    @Test
    void neverPastTheTokensOwnExpiry() {
        String key = VerifiedTokenCache.key("eyJ.a.b");
        cache.put(key, alice, NOW + 5_000, NOW);
        assertThat(cache.get(key, NOW + 4_999)).isEqualTo(alice);
        assertThat(cache.get(key, NOW + 5_000)).isNull();
        cache.put(key, alice, NOW - 1, NOW);
        assertThat(cache.get(key, NOW)).as("an expired token is not kept at all").isNull();
    }

    @Test
    void keyedByDigestSoDifferentTokensNeverShareAnEntry() {
        assertThat(VerifiedTokenCache.key("eyJ.a.b")).isEqualTo(VerifiedTokenCache.key("eyJ.a.b"))
                .isNotEqualTo(VerifiedTokenCache.key("eyJ.a.c")).doesNotContain("eyJ");
        cache.put(VerifiedTokenCache.key("eyJ.a.b"), alice, NOW + 60_000, NOW);
        assertThat(cache.get(VerifiedTokenCache.key("eyJ.a.c"), NOW)).isNull();
    }

    @Test
    void boundedInSize() {
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES + 10; i++) {
            cache.put(VerifiedTokenCache.key("t" + i), alice, NOW + 60_000, NOW);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.MAX_ENTRIES);
    }
}
