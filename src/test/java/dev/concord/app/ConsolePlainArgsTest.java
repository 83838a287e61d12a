package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The console reads its usual command lines without picocli (start-up time, issue 16): what it reads must be what
 * picocli would have read, and anything it does not read plainly (help, a mistake, an unusual form) goes to picocli.
 */
class ConsolePlainArgsTest {

    private static ConsoleCommand command() {
        return new ConsoleCommand(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--server http://127.0.0.1:8080", "--user bob --server=http://localhost:1",
            "--token-file /tmp/t --theme dark", "--issuer https://id.example --client-id concord --user alice",
            "--token abc"})
    void readsTheUsualCommandLinesAsPicocliDoes(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        ConsoleCommand plain = command();
        ConsoleCommand parsed = command();
        new CommandLine(parsed).parseArgs(args);

        assertThat(plain.readPlainly(args)).isTrue();
        assertThat(plain).usingRecursiveComparison().comparingOnlyFields("user", "server", "token", "tokenFile",
                "theme", "issuer", "clientId").isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "--user", "--user a --user b", "--no-such-option x",
            "--token-file -", "--server --user bob", "stray"})
    void leavesEverythingElseToPicocli(String line) {
        assertThat(command().readPlainly(line.split(" "))).isFalse();
    }
}
