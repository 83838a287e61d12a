package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.ApiTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./launcher server import}: into the server's own H2 folder, with a report and clear refusals. */
class ImportCommandTest {
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

    @Test
    void importsIntoTheServersDatabaseAndTheServerServesTheRows() throws IOException {
        Path data = dir.resolve("server");
        try (ConcordServer seeded = ConcordServer.start(ServerConfig.demo(data))) {
            assertThat(seeded.seededDemoData()).isTrue();
        }
        Path csv = dir.resolve("subs.csv");
        Files.writeString(csv, "customerName,customerEmail,planId,status,amount,currency,billingCycle\n"
                + "Imported One,one@example.com,plan_basic,active,9.99,EUR,monthly\n"
                + "Imported Two,two@example.com,plan_gone,active,9.99,EUR,monthly\n");

        int code = ServerCommand.run(new String[] {"import", csv.toString(), "--data", data.toString()});

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 created").contains("1 invalid")
                .contains("row 3: invalid: planId: There is no plan plan_gone");
        try (ConcordServer server = ConcordServer.start(ServerConfig.demo(data))) {
            ApiTestClient.Response found = new ApiTestClient(server.baseUrl())
                    .get("demo-alice", "/api/v1/subscriptions?q=Imported");
            assertThat(found.data()).hasSize(1);
            assertThat(found.data().get(0).path("updatedBy").asText()).isEqualTo("import");
        }
    }

    @Test
    void concordServerImportFindsTheDatabaseInServerConf() throws Exception {
        Path conf = dir.resolve("server.conf");
        Files.writeString(conf, "listen-address = 127.0.0.1\nport = 0\ndata-dir = " + dir.resolve("data")
                + "\ntokens-file = " + dir.resolve("tokens") + "\n");
        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "tokens", "add", "carol", "agent"})).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        out.reset();
        Path plans = dir.resolve("plans.csv");
        Files.writeString(plans, "id,name,tier,price,currency,billingCycle,features,active\n"
                + "plan_small,Small,starter,4.99,EUR,monthly,\"Email support,1 seat\",true\n");
        Path subs = dir.resolve("subscriptions.jsonl");
        Files.writeString(subs, "{\"customerName\": \"Ada\", \"customerEmail\": \"ada@example.com\", \"planId\": \"plan_small\","
                + " \"status\": \"active\", \"amount\": \"4.99\", \"currency\": \"EUR\", \"billingCycle\": \"monthly\"}\n");

        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "import", plans.toString(), "--kind", "plans"}))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(ServerMain.run(new String[] {"--config", conf.toString(), "import", subs.toString()})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 created");
        ServerConfFile loaded = ServerConfFile.load(conf);
        try (ConcordServer server = ConcordServer.start(loaded.config(), loaded.deployment())) {
            ApiTestClient api = new ApiTestClient(server.baseUrl());
            assertThat(api.get(token, "/api/v1/plans/plan_small").data().path("features").toString())
                    .isEqualTo("[\"Email support\",\"1 seat\"]");
            assertThat(api.get(token, "/api/v1/subscriptions?q=Ada").data()).hasSize(1);
        }
    }

    @Test
    void refusesWhatItCannotImportWithExit2() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "customerName\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path data = dir.resolve("server");

        assertThat(ServerCommand.run(new String[] {"import", latin1.toString(), "--data", data.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not UTF-8").doesNotContain("Exception");
        assertThat(ServerCommand.run(new String[] {"import", dir.resolve("x.txt").toString()})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"import", latin1.toString(), "--kind", "users"})).isEqualTo(2);
        assertThat(ServerCommand.run(new String[] {"import", latin1.toString(), "--batch", "0"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kind").contains("--batch");
    }
}
