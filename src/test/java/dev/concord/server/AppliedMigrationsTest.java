package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A demo database skips Flyway only when every migration of the class path is applied; any doubt runs it. */
class AppliedMigrationsTest {
    @Test
    void aMigratedDatabaseNeedsNoFlywayAndOneMissingAVersionDoes() throws Exception {
        String url = ServerConfig.h2MemoryUrl("applied-" + java.util.UUID.randomUUID());
        try (Database db = new Database(url, "sa", "", 2)) {
            assertThat(AppliedMigrations.allApplied(db.dataSource())).as("a new database has no history").isFalse();
            db.migrate();
            assertThat(AppliedMigrations.allApplied(db.dataSource())).isTrue();

            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE flyway_schema_history SET success = FALSE WHERE version = '6.1'");
            }
            assertThat(AppliedMigrations.allApplied(db.dataSource())).as("a failed migration").isFalse();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '6.1'");
            }
            assertThat(AppliedMigrations.allApplied(db.dataSource())).as("a missing migration").isFalse();
        }
    }

    @Test
    void listsTheClassPathsVersionsAsFlywayWritesThem() {
        assertThat(AppliedMigrations.inClassPath()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .contains("1", "6.1", "10", "20");
        assertThat(AppliedMigrations.normalized("6_1")).isEqualTo("6.1");
        assertThat(AppliedMigrations.normalized("06.10")).isEqualTo("6.10");
        assertThat(AppliedMigrations.versionsOf(Set.of("V1__a.sql", "R__view.sql"))).as("repeatable: Flyway decides").isEmpty();
        assertThat(AppliedMigrations.versionsOf(Set.of("V2_1__b.sql", "README.md"))).get()
                .isEqualTo(Set.of("2.1"));
    }
}
