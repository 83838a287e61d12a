package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelfCheckTest {
    @Test
    void selfCheckPassesAndReportsEachStep() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = new SelfCheck(new PrintStream(buffer, true, StandardCharsets.UTF_8)).check();
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(code).as(out).isZero();
        assertThat(out).contains("versioned write: saved sub_0001")
                .contains("stale write (rebased): saved sub_0001")
                .contains("kept others' change to notes")
                .contains("true conflict on status detected and stored")
                .contains("signed access token (RS256 JWT) validated by the server: carol, agent")
                .endsWith("self-check: OK" + System.lineSeparator());
    }
}
