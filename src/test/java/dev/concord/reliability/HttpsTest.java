package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.TlsTrust;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.Deployment;
import dev.concord.server.ServerConfig;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import dev.concord.testing.TestCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole client against a server that speaks only HTTPS, with a CA made for the test. */
class HttpsTest {
    @TempDir
    Path dir;

    @Test
    void theCoordinatorSavesOverHttpsWhenTheCaIsTrustedAndRefusesOtherwise() throws Exception {
        TestCertificates.Files certs = TestCertificates.write(dir);
        Deployment tls = Deployment.defaults().withTls(new Deployment.Tls(certs.serverP12(), certs.password()));
        try (ConcordServer server = ConcordServer.start(ServerConfig.demoInMemory(), tls)) {
            assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");

            OkHttpConcordApi api = new OkHttpConcordApi(server.baseUrl(), "demo-alice",
                    TlsTrust.trustAlso(OkHttpConcordApi.sharedClient(), certs.caPem()));
            SyncServices alice = SyncServices.forUser(api, "demo-alice", dir.resolve("alice"));
            Entity base = alice.api().get(EntityKind.SUBSCRIPTION, "sub_0005");
            SaveOutcome saved = alice.coordinator().save(base, base.values().with("notes", "saved over TLS"));
            assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
            assertThat(alice.api().get(EntityKind.SUBSCRIPTION, "sub_0005").values().get("notes")).isEqualTo("saved over TLS");

            // Only the system CAs: the test CA is unknown, so the client refuses the server.
            OkHttpConcordApi untrusting = new OkHttpConcordApi(server.baseUrl(), "demo-alice");
            assertThatThrownBy(() -> untrusting.get(EntityKind.SUBSCRIPTION, "sub_0005"))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageContaining("Cannot reach the server");
        }
    }

    @Test
    void aCaFileThatIsNotACertificateIsRefusedNamingTheFile() throws Exception {
        Path bad = dir.resolve("not-a-ca.pem");
        java.nio.file.Files.writeString(bad, "hello");
        assertThatThrownBy(() -> TlsTrust.trustAlso(OkHttpConcordApi.sharedClient(), bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.toString());
    }
}
