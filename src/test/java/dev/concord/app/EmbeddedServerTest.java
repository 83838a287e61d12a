package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.testing.ApiTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServerTest {
    @TempDir
    Path data;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void startsTheDemoServerWhenNothingAnswersAndASecondConsoleJoinsIt() throws Exception {
        String url = "http://127.0.0.1:" + freePort();
        Optional<ConcordServer> first = EmbeddedServer.startIfNoneAnswers(url, data);
        try {
            assertThat(first).isPresent();
            OkHttpConcordApi bob = new OkHttpConcordApi(url, "demo-bob");
            assertThat(bob.whoAmI().actor()).isEqualTo("bob");
            // Its database keeps a small page cache in the console's heap (issue 16: console memory).
            assertThat(first.get().config().effectiveJdbcUrl()).endsWith(";CACHE_SIZE=" + EmbeddedServer.H2_CACHE_KIB);

            // Nobody scrapes a console: its server keeps no meters (issue 16 part 5), so not even an admin finds /metrics.
            assertThat(new ApiTestClient(url).get("demo-admin", "/metrics").status()).isEqualTo(404);
            assertThat(new ApiTestClient(url).get("demo-alice", "/api/v1/subscriptions?limit=5").status()).isEqualTo(200);

            Optional<ConcordServer> second = EmbeddedServer.startIfNoneAnswers(url, data);

            assertThat(second).as("the second console connects to the first one's server").isEmpty();
        } finally {
            first.ifPresent(ConcordServer::close);
        }
    }

    @Test
    void neverStartsAServerForARemoteAddress() {
        assertThat(EmbeddedServer.startIfNoneAnswers("http://concord.example.com:8787", () -> false, data)).isEmpty();
        assertThat(EmbeddedServer.isLocal("localhost")).isTrue();
    }
}
