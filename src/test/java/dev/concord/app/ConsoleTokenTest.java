package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
 * The console takes a token the ways the command line does, out of the process list: CONCORD_TOKEN,
 * --token-file FILE, --token-file - (standard input); --token is refused before anything starts. Every run here stops at
 * a bad --theme, which is checked only once a token was found, so no window opens: "theme" in the error
 * output means the token got through, "no token for user" that it did not.
 */
class ConsoleTokenTest {
    private static final String SECRET = "s3cret-service-token";
    private static final String NO_TOKEN = "no token for the user \u2018mallory\u2019";
    private static final String TOKEN_FOUND = "theme must be light, dark or high-contrast";
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int console(Map<String, String> env, InputStream stdin, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--user";
        args[1] = "mallory";
        args[2] = "--theme";
        args[3] = "blue";
        System.arraycopy(options, 0, args, 4, options.length);
        return ConsoleCommand.run(args, env, stdin, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int console(Map<String, String> env, String... options) {
        return console(env, InputStream.nullInputStream(), options);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenAnUnknownUserIsRefused() {
        assertThat(console(Map.of())).isEqualTo(2);
        assertThat(errors()).contains(NO_TOKEN).contains("CONCORD_TOKEN").contains("--token-file");
    }

    @Test
    void theTokenComesFromTheEnvironmentWithoutAWord() {
        assertThat(console(Map.of("CONCORD_TOKEN", SECRET))).isEqualTo(2);
        assertThat(errors()).contains(TOKEN_FOUND).doesNotContain(NO_TOKEN).doesNotContain("--token is not accepted");
    }

    @Test
    void theTokenComesFromAFileItsFirstLineOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");
        assertThat(console(Map.of(), "--token-file", file.toString())).isEqualTo(2);
        assertThat(errors()).contains(TOKEN_FOUND).doesNotContain(NO_TOKEN);
    }

    @Test
    void theTokenComesFromStandardInput() {
        InputStream stdin = new ByteArrayInputStream((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(console(Map.of(), stdin, "--token-file", "-")).isEqualTo(2);
        assertThat(errors()).contains(TOKEN_FOUND).doesNotContain(NO_TOKEN);
    }

    @Test
    void aMissingOrEmptyTokenFileIsNamedAndNothingOpens() throws Exception {
        Path missing = dir.resolve("missing");
        assertThat(console(Map.of("CONCORD_TOKEN", SECRET), "--token-file", missing.toString())).isEqualTo(2);
        assertThat(errors()).startsWith("console: Cannot read a token from " + missing).doesNotContain(TOKEN_FOUND);

        err.reset();
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(console(Map.of(), "--token-file", empty.toString())).isEqualTo(2);
        assertThat(errors()).startsWith("console: No token in " + empty + ": it is empty");
    }

    @Test
    void aTokenInTheCommandLineIsRefusedWithTheSafeWaysAndWithoutRepeatingIt() {
        assertThat(console(Map.of("CONCORD_TOKEN", "from-env"), "--token", SECRET)).isEqualTo(2);
        assertThat(errors()).startsWith("console: --token is not accepted: a token in the command line can be read "
                        + "by every user of this machine (in the process list).")
                .contains("CONCORD_TOKEN").contains("--token-file")
                .doesNotContain(TOKEN_FOUND).doesNotContain(SECRET).doesNotContain("from-env");
    }
}
