package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored answers outlive the promised 24 hours and are purged after the retention. */
class IdempotencyRetentionTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static IdempotencyStore at(Database db, Instant now) {
        return new IdempotencyStore(db, new ServerClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void answersAreKeptForMoreThanADayThenPurged() {
        try (Database db = new Database(ServerConfig.h2MemoryUrl("idem-" + UUID.randomUUID()), "sa", "")) {
            db.migrate();
            IdempotencyStore.Stored answer = new IdempotencyStore.Stored("a".repeat(64), 200, "\"3\"", "{\"id\":\"sub_0001\"}");
            db.inTransaction(c -> {
                at(db, T).store(c, "alice", "key-1", answer);
                return null;
            });

            assertThat(at(db, T.plus(Duration.ofHours(25))).find("alice", "key-1")).contains(answer);
            assertThat(at(db, T.plus(Duration.ofHours(25))).find("bob", "key-1")).as("per actor").isEmpty();
            assertThat(at(db, T.plus(Duration.ofHours(25))).purgeExpired()).isZero();

            IdempotencyStore later = at(db, T.plus(IdempotencyStore.RETENTION).plusSeconds(1));
            assertThat(later.find("alice", "key-1")).isEmpty();
            assertThat(later.purgeExpired()).isEqualTo(1);
        }
    }
}
