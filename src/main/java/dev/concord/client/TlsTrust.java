package dev.concord.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Which servers the console and the CLI trust over HTTPS: the system's certificate authorities plus, when
 * configured, the CAs of one PEM file (a team's own CA). The file comes from the {@code concord.caFile}
 * system property or the {@code CONCORD_CA_FILE} environment variable.
 */
public final class TlsTrust {
    public static final String CA_FILE_PROPERTY = "concord.caFile";
    public static final String CA_FILE_ENV = "CONCORD_CA_FILE";

    /** OkHttp's default: TLS, and plain HTTP too. */
    static final List<ConnectionSpec> TLS_AND_CLEARTEXT = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

    private TlsTrust() {
    }

    /**
     * {@code builder} for plain HTTP only, unless a CA file is configured ({@link #trustConfigured}). Why (issue
     * 16 part 5): OkHttp loads the system's certificate authorities when it builds a client that may speak TLS,
     * whether it ever does or not: ~680 classes, ~3 MiB of metaspace and 50-800 ms here. The console speaks plain
     * HTTP to its embedded server on this machine; {@link #forServer} gives a client TLS where a server needs it.
     */
    public static OkHttpClient.Builder cleartextUntilNeeded(OkHttpClient.Builder builder) {
        return configuredCaFile() == null ? builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)) : trustConfigured(builder);
    }

    /**
     * {@code base}, or a client like it (same pool, dispatcher and interceptors) that also speaks TLS, when the
     * server is https or not on this machine (a remote http address may redirect to https, which OkHttp follows).
     */
    static OkHttpClient forServer(OkHttpClient base, HttpUrl server) {
        boolean local = server.host().equals("localhost") || server.host().startsWith("127.") || server.host().equals("::1");
        if (!server.isHttps() && local || base.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls)) {
            return base;
        }
        return base == OkHttpConcordApi.sharedClient() ? SharedWithTls.CLIENT : withTls(base);
    }

    /** The shared client with TLS, made once, on first need (each build loads the system's CAs again). */
    private static final class SharedWithTls {
        static final OkHttpClient CLIENT = withTls(OkHttpConcordApi.sharedClient());
    }

    private static OkHttpClient withTls(OkHttpClient base) {
        return base.newBuilder().connectionSpecs(TLS_AND_CLEARTEXT).build();
    }

    /** The configured extra CA file, or null. */
    public static Path configuredCaFile() {
        String v = System.getProperty(CA_FILE_PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(CA_FILE_ENV);
        }
        return v == null || v.isBlank() ? null : Path.of(v.strip());
    }

    /**
     * Makes {@code builder} trust the system CAs plus those in {@code caFile}; unchanged when the file is null.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    public static OkHttpClient.Builder trustAlso(OkHttpClient.Builder builder, Path caFile) {
        if (caFile == null) {
            return builder;
        }
        X509TrustManager trust = systemPlus(caFile);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            // TLS named too: a client built for plain HTTP only would drop the socket factory.
            return builder.sslSocketFactory(tls.getSocketFactory(), trust).connectionSpecs(TLS_AND_CLEARTEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /**
     * {@link #trustAlso} with the configured CA file; a file that cannot be used is reported on the log and
     * left out (the system CAs still apply), so a typo cannot keep the program from starting.
     */
    public static OkHttpClient.Builder trustConfigured(OkHttpClient.Builder builder) {
        try {
            return trustAlso(builder, configuredCaFile());
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(TlsTrust.class).warn("{}; trusting the system's CAs only", e.getMessage());
            return builder;
        }
    }

    /** A client like {@code base} that also trusts the CAs of {@code caFile}. */
    public static OkHttpClient trustAlso(OkHttpClient base, Path caFile) {
        return trustAlso(base.newBuilder(), caFile).build();
    }

    static X509TrustManager systemPlus(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate system : defaultTrustManager(null).getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + n++, system);
            }
            int added = 0;
            try (InputStream in = Files.newInputStream(caFile)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + added++, c);
                }
            }
            if (added == 0) {
                throw new IllegalArgumentException("The CA file " + caFile + " holds no certificate (PEM expected)");
            }
            return defaultTrustManager(store);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA file " + caFile + " is not a PEM certificate file", e);
        }
    }

    private static X509TrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }
}
