package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerAdmin;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances as an administrator runs them (each from its own server.conf, the password in a file)
 * on one PostgreSQL: records created, edited and retired through either are one truth.
 */
class ScaleOutTest {
    @TempDir
    Path dir;

    private ServerConfFile conf(String name, EmbeddedPostgresFixture.PgDatabase db, Path tokens) throws Exception {
        Path password = dir.resolve("db-password");
        Files.writeString(password, db.password() + "\n");
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, String.join("\n", "listen-address = 127.0.0.1", "port = 0",
                "database-url = " + db.jdbcUrl(), "database-user = " + db.user(),
                "database-password-file = " + password, "tokens-file = " + tokens, "pool-size = 4", ""));
        return ServerConfFile.load(file, env -> null);
    }

    @Test
    void twoInstancesOnOnePostgresCreateEditAndRetireTheSameRecords() throws Exception {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        Path tokens = dir.resolve("tokens");
        String alice = ServerAdmin.addToken(tokens, "alice", "agent");
        String bob = ServerAdmin.addToken(tokens, "bob", "agent");
        ServerConfFile first = conf("a", db, tokens);
        ServerConfFile second = conf("b", db, tokens);
        try (ConcordServer a = ConcordServer.start(first.config(), first.deployment());
             ConcordServer b = ConcordServer.start(second.config(), second.deployment())) {
            ApiTestClient viaA = new ApiTestClient(a.baseUrl());
            ApiTestClient viaB = new ApiTestClient(b.baseUrl());
            assertThat(viaA.get(null, "/health/ready").status()).isEqualTo(200);
            assertThat(viaB.get(null, "/health/ready").status()).isEqualTo(200);

            Response plan = viaA.send("POST", alice, "/api/v1/plans", "{\"id\":\"plan_scale\",\"name\":\"Scale\","
                    + "\"tier\":\"starter\",\"price\":\"5.00\",\"currency\":\"EUR\",\"billingCycle\":\"monthly\"}",
                    "application/json");
            assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
            Response created = viaB.send("POST", bob, "/api/v1/subscriptions", "{\"id\":\"sub_scale\","
                    + "\"customerName\":\"Ada\",\"customerEmail\":\"ada@example.com\",\"planId\":\"plan_scale\","
                    + "\"status\":\"active\",\"amount\":\"5.00\",\"currency\":\"EUR\",\"billingCycle\":\"monthly\"}",
                    "application/json");
            assertThat(created.status()).as("a plan made on A is usable on B: " + created).isEqualTo(201);

            String path = "/api/v1/subscriptions/sub_scale";
            assertThat(viaA.patch(alice, path, ApiTestClient.patchBody(1L, java.util.Map.of("notes", "from A"))).status())
                    .isEqualTo(200);
            Response stale = viaB.patch(bob, path, ApiTestClient.patchBody(1L, java.util.Map.of("status", "paused")));
            assertThat(stale.status()).as("B sees A's write: the stale version is refused").isEqualTo(409);
            assertThat(stale.error().path("current").path("notes").asText()).isEqualTo("from A");
            assertThat(viaB.patch(bob, path, ApiTestClient.patchBody(2L, java.util.Map.of("status", "paused"))).status())
                    .isEqualTo(200);

            assertThat(viaA.send("DELETE", alice, path + "?version=2", null, null).status())
                    .as("A's delete of a version B moved on is refused").isEqualTo(409);
            assertThat(viaA.send("DELETE", alice, path + "?version=3", null, null).status()).isEqualTo(200);
            assertThat(viaB.get(bob, path).status()).as("retired through A, gone through B").isEqualTo(404);
            assertThat(viaB.get(bob, "/api/v1/subscriptions/sub_scale/history").status()).isEqualTo(404);
        }
    }
}
