package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.testing.ApiTestClient;
import dev.concord.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo database prepared by the build: a first start copies it and serves exactly the seeded demo. */
class DemoTemplateTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartFromTheTemplateServesTheSameDemoAsMigratingAndSeeding() {
        try (ConcordServer fromTemplate = ConcordServer.start(ServerConfig.demo(dir.resolve("server")));
             ConcordServer seeded = TestServers.h2Demo()) {
            assertThat(fromTemplate.seededDemoData()).as("a first start still reports the demo data as its own").isTrue();
            ApiTestClient a = new ApiTestClient(fromTemplate.baseUrl());
            ApiTestClient b = new ApiTestClient(seeded.baseUrl());
            for (String list : new String[] {"/api/v1/subscriptions?limit=200", "/api/v1/plans", "/api/v1/invoices?limit=200"}) {
                assertThat(a.get("demo-viewer", list).data()).as(list).isEqualTo(b.get("demo-viewer", list).data());
            }
            assertThat(a.history("demo-viewer", "/api/v1/subscriptions/sub_0007"))
                    .isEqualTo(b.history("demo-viewer", "/api/v1/subscriptions/sub_0007"));
            // The copy is a working database: a write lands and the next read sees it.
            String path = "/api/v1/subscriptions/sub_0001";
            long version = a.get("demo-alice", path).data().path("version").asLong();
            assertThat(a.patch("demo-alice", path, ApiTestClient.patchBody(version, java.util.Map.of("status", "paused")))
                    .status()).isEqualTo(200);
            assertThat(a.get("demo-alice", path).data().path("status").asText()).isEqualTo("paused");
        }
    }

    @Test
    void onlyAFreshDemoDatabaseOnAFileIsReplaced() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        ServerConfig demo = ServerConfig.demo(data);
        assertThat(DemoTemplate.placeIfFresh(demo)).as("tests read the template from target/classes")
                .isEqualTo(DemoTemplate.Placed.FROM_CLASSES);
        assertThat(data.resolve("concord.mv.db")).isNotEmptyFile();
        assertThat(DemoTemplate.placeIfFresh(demo)).as("an existing database is never overwritten")
                .isEqualTo(DemoTemplate.Placed.NOTHING);
        Path other = Files.createDirectories(dir.resolve("other"));
        assertThat(DemoTemplate.placeIfFresh(new ServerConfig(null, 0, other, null, null, null, false, other.resolve("tokens"))))
                .as("outside demo mode").isEqualTo(DemoTemplate.Placed.NOTHING);
        assertThat(DemoTemplate.placeIfFresh(ServerConfig.demoOn("jdbc:h2:mem:x", "sa", ""))).as("a JDBC URL")
                .isEqualTo(DemoTemplate.Placed.NOTHING);
        Path tuned = dir.resolve("tuned");
        String ownWithCache = ServerConfig.demo(tuned).effectiveJdbcUrl() + ";CACHE_SIZE=2048";
        assertThat(DemoTemplate.placeIfFresh(new ServerConfig(null, 0, tuned, ownWithCache, null, null, true, null)))
                .as("the data folder's own file with settings added (the console's embedded server)")
                .isEqualTo(DemoTemplate.Placed.FROM_CLASSES);
        assertThat(tuned.resolve("concord.mv.db")).isNotEmptyFile();
        try (var files = Files.list(other)) {
            assertThat(files).isEmpty();
        }
        try (var files = Files.list(data)) {
            assertThat(files).as("no copy left behind").hasSize(1);
        }
    }
}
