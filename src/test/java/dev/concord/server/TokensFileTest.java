package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.testing.ApiTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside demo mode: tokens come hashed from a file, and nothing is seeded. */
class TokensFileTest {
    @TempDir
    Path dir;

    @Test
    void hashIsTheHexSha256OfTheToken() {
        assertThat(ConcordServer.hashToken("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void serverAcceptsOnlyTheTokensOfItsFileWithTheirRoles() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# support team\n\n"
                + ConcordServer.hashToken("s3cret-carol") + " carol agent\n"
                + ConcordServer.hashToken("s3cret-dave").toUpperCase() + "  dave   viewer\n");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, null,
                ServerConfig.h2MemoryUrl("tokens-" + UUID.randomUUID()), "sa", "", false, file);
        try (ConcordServer server = ConcordServer.start(config)) {
            ApiTestClient api = new ApiTestClient(server.baseUrl());
            assertThat(api.get("s3cret-carol", "/api/v1/me").data().path("actor").asText()).isEqualTo("carol");
            assertThat(api.get("s3cret-dave", "/api/v1/me").data().path("role").asText()).isEqualTo("viewer");
            assertThat(api.get("demo-alice", "/api/v1/me").status()).as("no demo tokens outside demo mode").isEqualTo(401);
            assertThat(api.get(ConcordServer.hashToken("s3cret-carol"), "/api/v1/me").status())
                    .as("the hash itself is no token").isEqualTo(401);
            assertThat(server.seededDemoData()).isFalse();
            assertThat(api.get("s3cret-carol", "/api/v1/subscriptions").data().size()).isZero();
        }
    }

    @Test
    void malformedTokensFileIsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, ConcordServer.hashToken("ok") + " erin agent\nplain-token frank admin\n");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, null, ServerConfig.h2MemoryUrl("bad-" + UUID.randomUUID()),
                "sa", "", false, file);
        assertThatThrownBy(() -> ConcordServer.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("hash-token");
        Files.writeString(file, ConcordServer.hashToken("ok") + " erin superuser\n");
        assertThatThrownBy(() -> ConcordServer.start(config)).hasMessageContaining("role must be viewer, agent or admin");
    }

    @Test
    void configNeedsTokensOutsideDemoMode() {
        assertThatThrownBy(() -> new ServerConfig(null, 0, dir, null, null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tokens");
        assertThat(new ServerConfig(null, 0, dir, null, null, null, true, null).host()).isEqualTo("127.0.0.1");
    }
}
