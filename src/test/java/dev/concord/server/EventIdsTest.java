package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.EntityKind;
import dev.concord.server.events.EventStore;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event ids in commit order (issue 14): a reader that follows event ids never meets a gap that could still
 * fill, so a slow commit is delivered however slow it is, interleaved open and rolled-back transactions
 * cost nothing, and every committed write is read exactly once, in the order its id says.
 */
class EventIdsTest {
    private Database db;
    private ChangeLogEvents store;
    private long readUpTo;
    private final List<String> delivered = new ArrayList<>();

    private void open(String backend) {
        if (backend.equals("h2")) {
            db = new Database(ServerConfig.h2MemoryUrl("ids-" + UUID.randomUUID()), "sa", "");
        } else {
            EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
            db = new Database(pg.jdbcUrl(), pg.user(), pg.password());
        }
        db.migrate();
        store = new ChangeLogEvents(db);
    }

    /** What the hub's reader does on each wake-up. */
    private void readerRound() {
        store.assignIds();
        for (EventStore.Row row : store.after(readUpTo, 500)) {
            assertThat(row.eventId()).as("ids only grow").isGreaterThan(readUpTo);
            readUpTo = row.eventId();
            if (row.event() != null) {
                delivered.add(row.event().id() + "@" + row.event().version());
            }
        }
    }

    private static void append(Connection c, String id, long version) throws java.sql.SQLException {
        ChangeLog.append(c, EntityKind.SUBSCRIPTION, id, version, "alice", Instant.now(), HistoryEntry.UPDATE,
                List.of(new FieldChange("notes", "a", "b")), null);
    }

    private void commit(String id, long version) {
        db.inTransaction(c -> {
            append(c, id, version);
            return null;
        });
    }

    /** A transaction held open by the test: appended, not yet committed. */
    private Connection begin(String id, long version) throws Exception {
        Connection c = db.dataSource().getConnection();
        c.setAutoCommit(false);
        append(c, id, version);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void interleavedOpenAndRolledBackWritesAreEachReadOnceInCommitOrder(String backend) throws Exception {
        open(backend);
        try {
            Connection slowA = begin("sub_a", 2);     // takes the lowest seq, commits last
            commit("sub_b", 2);
            Connection doomedC = begin("sub_c", 2);   // rolls back: its seq never appears
            commit("sub_d", 2);
            Connection slowE = begin("sub_e", 2);
            readerRound();
            assertThat(delivered).containsExactly("sub_b@2", "sub_d@2");

            doomedC.rollback();
            doomedC.close();
            commit("sub_f", 2);
            readerRound();
            slowE.commit();
            slowE.close();
            readerRound();
            readerRound(); // nothing new: nothing read twice
            assertThat(delivered).containsExactly("sub_b@2", "sub_d@2", "sub_f@2", "sub_e@2");

            // Open through many reader rounds, i.e. longer than any grace a gap-waiting reader could give it.
            for (int i = 0; i < 20; i++) {
                commit("sub_g", 2 + i);
                readerRound();
            }
            slowA.commit();
            slowA.close();
            readerRound();
            assertThat(delivered).hasSize(25).endsWith("sub_g@21", "sub_a@2").doesNotHaveDuplicates();
            assertThat(store.lastAssigned()).isEqualTo(readUpTo);
        } finally {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void refusalsTakeAnIdButAreNoEvents(String backend) {
        open(backend);
        try {
            commit("sub_a", 2);
            db.inTransaction(c -> ChangeLog.append(c, EntityKind.SUBSCRIPTION, "sub_a", 2, "bob", Instant.now(),
                    HistoryEntry.CONFLICT, List.of(), "stale"));
            commit("sub_a", 3);
            readerRound();
            assertThat(delivered).containsExactly("sub_a@2", "sub_a@3");
            assertThat(readUpTo).isEqualTo(3);
            assertThat(store.latest(10)).extracting(EventStore.Row::eventId).containsExactly(1L, 3L);
        } finally {
            db.close();
        }
    }
}
