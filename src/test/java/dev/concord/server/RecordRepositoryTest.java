package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.TestServers.Backend;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The versioned repository on each database, below HTTP: atomicity of the write and its change-log row. */
class RecordRepositoryTest {
    private static final String ID = "sub_0005";

    private static Database open(Backend backend) {
        Database db;
        if (backend == Backend.H2) {
            db = new Database(ServerConfig.h2MemoryUrl("repo-" + UUID.randomUUID()), "sa", "");
        } else {
            EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
            db = new Database(pg.jdbcUrl(), pg.user(), pg.password());
        }
        db.migrate();
        return db;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void versionColumnDefaultsToOneForRowsWrittenWithoutIt(Backend backend) throws SQLException {
        try (Database db = open(backend)) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO plans (id, name, tier, price, currency,"
                        + " billing_cycle, features, active, created_at, created_by, updated_at, updated_by)"
                        + " VALUES ('plan_raw', 'Raw', 't', 1.00, 'EUR', 'monthly', '[]', TRUE, CURRENT_TIMESTAMP, 'x',"
                        + " CURRENT_TIMESTAMP, 'x')")) {
                    return ps.executeUpdate();
                }
            });
            RecordRepository repo = new RecordRepository(db, new ServerClock(Clock.systemUTC()));
            assertThat(repo.find(EntityKind.PLAN, "plan_raw").orElseThrow().version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void staleWriteChangesNothingButLogsTheConflict(Backend backend) {
        try (Database db = open(backend)) {
            RecordRepository repo = seeded(db);
            Entity before = repo.find(EntityKind.SUBSCRIPTION, ID).orElseThrow();
            WriteOutcome first = repo.update(EntityKind.SUBSCRIPTION, ID, 1, Map.of("amount", new BigDecimal("3.00")),
                    "alice", RecordRepository.InTransaction.NONE);
            assertThat(first).isInstanceOf(WriteOutcome.Written.class);
            WriteOutcome second = repo.update(EntityKind.SUBSCRIPTION, ID, 1, Map.of("amount", new BigDecimal("4.00")),
                    "bob", RecordRepository.InTransaction.NONE);
            assertThat(second).isInstanceOf(WriteOutcome.Conflict.class);
            WriteOutcome.Conflict conflict = (WriteOutcome.Conflict) second;
            assertThat(conflict.current().version()).isEqualTo(2);
            assertThat(conflict.changedSince()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("amount");
                assertThat(f.baseValue()).isEqualTo(before.values().get("amount").toString());
                assertThat(f.currentValue()).isEqualTo("3.00");
                assertThat(f.changedBy()).isEqualTo("alice");
            });
            Entity after = repo.find(EntityKind.SUBSCRIPTION, ID).orElseThrow();
            assertThat(after.values().get("amount")).isEqualTo(new BigDecimal("3.00"));
            List<HistoryEntry> history = repo.history(EntityKind.SUBSCRIPTION, ID).orElseThrow();
            assertThat(history).extracting(HistoryEntry::kind).containsExactly("conflict", "update");
            assertThat(repo.update(EntityKind.SUBSCRIPTION, "sub_nope", 1, Map.of("notes", "x"), "bob",
                    RecordRepository.InTransaction.NONE)).isInstanceOf(WriteOutcome.NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void writeAndChangeLogRowCommitOrRollBackTogether(Backend backend) {
        try (Database db = open(backend)) {
            RecordRepository repo = seeded(db);
            RecordRepository.InTransaction failing = new RecordRepository.InTransaction() {
                @Override
                public void afterWrite(Connection c, WriteOutcome.Written written) throws SQLException {
                    throw new SQLException("simulated failure after the UPDATE", "XX000");
                }

                @Override
                public boolean answeredMeanwhile(Connection c) {
                    return false;
                }
            };
            assertThatThrownBy(() -> repo.update(EntityKind.SUBSCRIPTION, ID, 1, Map.of("notes", "lost?\n"), "alice",
                    failing)).isInstanceOf(StorageException.class);
            assertThat(repo.find(EntityKind.SUBSCRIPTION, ID).orElseThrow().version()).isEqualTo(1);
            assertThat(repo.history(EntityKind.SUBSCRIPTION, ID).orElseThrow()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void changeLogSequenceOrdersWritesAcrossRecords(Backend backend) throws SQLException {
        try (Database db = open(backend)) {
            RecordRepository repo = seeded(db);
            repo.update(EntityKind.SUBSCRIPTION, "sub_0001", 1, Map.of("notes", "a"), "alice", RecordRepository.InTransaction.NONE);
            repo.update(EntityKind.INVOICE, "inv_0001", 1, Map.of("notes", "b"), "bob", RecordRepository.InTransaction.NONE);
            List<HistoryEntry> since = db.inTransaction(c -> ChangeLog.writesSince(c, 0, 10));
            assertThat(since).extracting(HistoryEntry::id).containsExactly("sub_0001", "inv_0001");
            assertThat(since.get(1).seq()).isGreaterThan(since.get(0).seq());
            long last = db.inTransaction(ChangeLog::lastSeq);
            assertThat(last).isEqualTo(since.get(1).seq());
        }
    }

    private static RecordRepository seeded(Database db) {
        RecordRepository repo = new RecordRepository(db, new ServerClock(Clock.systemUTC()));
        assertThat(DemoSeed.seedIfEmpty(db, repo)).isTrue();
        assertThat(DemoSeed.seedIfEmpty(db, repo)).as("only an empty database is seeded").isFalse();
        return repo;
    }

}
