package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.server.ConcordServer;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.SseTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord-server}: configuration file, check-config, migrate, tokens add, list and revoke. */
class ServerMainTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private Path conf(String extra) throws Exception {
        Path conf = dir.resolve("server.conf");
        Files.writeString(conf, "listen-address = 127.0.0.1\nport = 0\ndata-dir = " + dir.resolve("data")
                + "\ntokens-file = " + dir.resolve("tokens") + "\n" + extra);
        return conf;
    }

    @Test
    void tokensAddPrintsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
        Path conf = conf("");
        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "tokens", "add", "carol", "agent"})).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        String file = Files.readString(dir.resolve("tokens"));
        assertThat(file).doesNotContain(token).contains(ConcordServer.hashToken(token) + " carol agent");

        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "migrate"})).isZero();
        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "check-config"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("configuration OK");

        ServerConfFile loaded = ServerConfFile.load(conf);
        try (ConcordServer server = ConcordServer.start(loaded.config(), loaded.deployment())) {
            ApiTestClient.Response me = new ApiTestClient(server.baseUrl()).get(token, "/api/v1/me");
            assertThat(me.data().path("actor").asText()).isEqualTo("carol");
        }
    }

    @Test
    void aRevokedTokenStopsWorkingOnTheRunningServerAndTheOthersStay() throws Exception {
        Path conf = conf("");
        String carol = addToken(conf, "carol", "agent");
        String carolLaptop = addToken(conf, "carol", "agent");
        String dave = addToken(conf, "dave", "admin");
        Files.writeString(dir.resolve("tokens"), "# kept: a comment of the admin\n" + Files.readString(dir.resolve("tokens")));
        ServerConfFile loaded = ServerConfFile.load(conf);
        try (ConcordServer server = ConcordServer.start(loaded.config(), loaded.deployment())) {
            ApiTestClient api = new ApiTestClient(server.baseUrl());
            assertThat(api.get(carol, "/api/v1/me").status()).isEqualTo(200);
            String erin = addToken(conf, "erin", "viewer");
            // Added while the server runs: taken up without a restart.
            await().atMost(WAIT).until(() -> api.get(erin, "/api/v1/me").status() == 200);

            assertThat(run(conf, "tokens", "list")).isZero();
            String listed = out.toString(StandardCharsets.UTF_8);
            assertThat(listed).contains("carol", "dave", "admin", "erin", "viewer").doesNotContain(carol, dave, erin);
            String carolsFirstId = ConcordServer.hashToken(carol).substring(0, 12);
            assertThat(listed).contains(carolsFirstId);

            // carol has two tokens: an id too short for one of them is refused, and nothing changes.
            String before = Files.readString(dir.resolve("tokens"));
            assertThat(run(conf, "tokens", "revoke", "carol", "--id", "")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("matches 2 tokens of carol");
            assertThat(run(conf, "tokens", "revoke", "mallory")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is no token for mallory");
            assertThat(Files.readString(dir.resolve("tokens"))).isEqualTo(before);

            try (SseTestClient carolsStream = SseTestClient.connect(server.baseUrl(), carol, null);
                 SseTestClient davesStream = SseTestClient.connect(server.baseUrl(), dave, null)) {
                assertThat(carolsStream.status()).isEqualTo(200);
                assertThat(run(conf, "tokens", "revoke", "carol", "--id", carolsFirstId)).isZero();
                await().atMost(WAIT).until(() -> api.get(carol, "/api/v1/me").status() == 401);
                // The stream opened with it ends too; another caller's stays open.
                await().atMost(WAIT).until(carolsStream::ended);
                assertThat(davesStream.ended()).isFalse();
            }
            assertThat(api.get(carolLaptop, "/api/v1/me").status()).isEqualTo(200);
            assertThat(api.get(dave, "/api/v1/me").status()).isEqualTo(200);
            assertThat(Files.readString(dir.resolve("tokens"))).startsWith("# kept: a comment of the admin");
            assertThat(Files.getPosixFilePermissions(dir.resolve("tokens")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        }
    }

    private String addToken(Path conf, String name, String role) {
        out.reset();
        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "tokens", "add", name, role})).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private int run(Path conf, String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = conf.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return ServerMain.run(all);
    }

    @Test
    void badConfigurationIsRefusedNamingTheKey() throws Exception {
        assertThat(ServerMain.run(new String[] {"--config", conf("prot = 80\n").toString(), "check-config"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown setting prot");
        assertThat(ServerMain.run(new String[] {"--config", conf("pool-size = lots\n").toString(), "check-config"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pool-size must be a whole number");
        assertThat(ServerMain.run(new String[] {"--config", conf("").toString(), "tokens", "add", "x y", "agent"})).isEqualTo(2);
        assertThat(ServerMain.run(new String[] {"--config", conf("").toString(), "tokens", "add", "x", "boss"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ROLE must be viewer, agent or admin").doesNotContain("Exception");
    }

    @Test
    void thePasswordComesFromAFileOrTheEnvironmentNeverTheCommandLine() throws Exception {
        Path secret = dir.resolve("db-password");
        Files.writeString(secret, "s3cret\n");
        ServerConfFile fromFile = ServerConfFile.load(conf("database-url = jdbc:postgresql://db/concord\n"
                + "database-user = concord\ndatabase-password-file = " + secret + "\n"), name -> null);
        assertThat(fromFile.config().dbPassword()).isEqualTo("s3cret");
        assertThat(fromFile.config().toString()).doesNotContain("s3cret");
        ServerConfFile fromEnv = ServerConfFile.load(conf("database-url = jdbc:postgresql://db/concord\n"),
                name -> "CONCORD_DB_PASSWORD".equals(name) ? "from-env" : null);
        assertThat(fromEnv.config().dbPassword()).isEqualTo("from-env");
    }
}
