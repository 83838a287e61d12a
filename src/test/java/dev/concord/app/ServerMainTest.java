package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.server.ConcordServer;
import dev.concord.testing.ApiTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord-server}: configuration file, check-config, migrate, tokens add. */
class ServerMainTest {
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
