package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.server.ConcordServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./launcher server}: bad options exit 2 with a clear message; hash-token prints the hash. */
class ServerCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

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

    @Test
    void badOptionsExitWith2AndSayWhy() {
        assertThat(ServerCommand.run(new String[] {"--port", "eighty"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port");
        assertThat(ServerCommand.run(new String[] {"--demo", "--port", "70000"})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"--frobnicate"})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"--demo", "--db-user", "u"})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"--demo", "--db", "postgres://x"})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"--tokens", "/no/such/file"})).isEqualTo(2);
    }

    @Test
    void aDatabasePasswordInTheCommandLineIsRefusedWithoutRepeatingIt() {
        assertThat(ServerCommand.run(new String[] {"--demo", "--db", "jdbc:postgresql://localhost/x", "--db-user", "u",
            "--db-password", "s3cret"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db-password is not accepted")
                .contains("CONCORD_DB_PASSWORD").contains("--db-password-file").doesNotContain("s3cret");
    }

    @Test
    void withoutDemoOrTokensItRefusesToStart() {
        assertThat(ServerCommand.run(new String[] {})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tokens").contains("--demo");
    }

    @Test
    void hashTokenReadsTheTokenFromStandardInputAndPrintsAWholeTokensFileLine() throws Exception {
        assertThat(hashToken("abc\n", "carol", "agent")).isZero();
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).isEqualTo(ConcordServer.hashToken("abc") + " carol agent");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("tokens", ".txt");
        java.nio.file.Files.writeString(file, line + "\n");
        try (ConcordServer server = ConcordServer.start(dev.concord.server.ServerConfig.demoInMemory()
                .withTokensFile(file).withDemo(false))) {
            dev.concord.testing.ApiTestClient.Response me = new dev.concord.testing.ApiTestClient(server.baseUrl())
                    .get("abc", "/api/v1/me");
            assertThat(me.data().path("actor").asText()).as("the printed line works in a tokens file").isEqualTo("carol");
        }
        assertThat(hashToken("abc\n", "carol", "chief")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ROLE must be viewer, agent or admin");
    }

    @Test
    void hashTokenRefusesATokenInTheCommandLineAndAnEmptyInput() throws Exception {
        out.reset();
        assertThat(hashToken("", "s3cret", "carol", "agent")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reads the token from standard input")
                .doesNotContain("s3cret");
        assertThat(hashToken("\n", "carol", "agent")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No token on standard input");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no line printed").isEmpty();
    }

    private static int hashToken(String stdin, String... words) {
        java.io.InputStream oldIn = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] args = new String[words.length + 1];
            args[0] = "hash-token";
            System.arraycopy(words, 0, args, 1, words.length);
            return ServerCommand.run(args);
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void helpShowsTheRealDefaultDataFolder() {
        assertThat(ServerCommand.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("null/server")
                .contains(ServerCommand.concordHome().resolve("server").toString());
    }
}
