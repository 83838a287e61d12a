package dev.concord.client;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The shared client speaks plain HTTP only (building one that may speak TLS loads the system's CAs, issue 16
 * part 5); a client of an https server or of one not on this machine gets TLS, from one shared copy.
 */
class TlsTrustTest {
    private static boolean tls(OkHttpClient c) {
        return c.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls);
    }

    @Test
    void tlsOnlyWhereTheServerMayNeedIt() {
        OkHttpClient shared = OkHttpConcordApi.sharedClient();
        assertThat(TlsTrust.configuredCaFile()).as("no CA file configured in the tests").isNull();
        assertThat(tls(shared)).isFalse();

        assertThat(TlsTrust.forServer(shared, HttpUrl.get("http://127.0.0.1:8787"))).isSameAs(shared);
        assertThat(TlsTrust.forServer(shared, HttpUrl.get("http://localhost:8787"))).isSameAs(shared);
        OkHttpClient https = TlsTrust.forServer(shared, HttpUrl.get("https://127.0.0.1:8787"));
        assertThat(tls(https)).isTrue();
        assertThat(https.connectionPool()).as("the same pool").isSameAs(shared.connectionPool());
        OkHttpClient remote = TlsTrust.forServer(shared, HttpUrl.get("http://concord.example.com"));
        assertThat(remote).as("a remote http address may redirect to https; made once").isSameAs(https);

        OkHttpClient own = new OkHttpClient();
        assertThat(TlsTrust.forServer(own, HttpUrl.get("https://concord.example.com"))).as("a client with TLS stays").isSameAs(own);
    }
}
