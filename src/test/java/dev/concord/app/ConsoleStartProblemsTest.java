package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent reads when the console cannot start: a sentence that names the problem and where to look,
 * never a Java stack trace or an exception's class name; nothing is started.
 */
class ConsoleStartProblemsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDataFolderThatIsAFileIsNamedBeforeAnythingStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("concord-home"), "x");
        String before = System.getProperty("concord.home");
        System.setProperty("concord.home", file.toString());
        try {
            int code = ConsoleCommand.run(new String[] {"--user", "alice"}, Map.of("CONCORD_TOKEN", "demo-alice"),
                    InputStream.nullInputStream(), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(2);
        } finally {
            if (before == null) {
                System.clearProperty("concord.home");
            } else {
                System.setProperty("concord.home", before);
            }
        }
        assertThat(errors()).contains(file.toString()).contains("a file, not a folder")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(file).hasContent("x");
    }

    @Test
    void anUnexpectedFailureSaysWhereTheLogIsWithoutAStackTrace() {
        ConsoleCommand command = new ConsoleCommand(Map.of(), InputStream.nullInputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = command.unexpected(new IllegalStateException("conflict store went away"));
        assertThat(code).isEqualTo(1);
        assertThat(errors()).contains("unexpected problem").contains("console.log")
                .doesNotContain("IllegalStateException").doesNotContain("\tat ");
    }
}
