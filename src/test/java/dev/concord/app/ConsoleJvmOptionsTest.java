package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * packaging/console-jvm.options is read by ./launcher, the packaged app and the console benchmark. It carries
 * -XX:+IgnoreUnrecognizedVMOptions so that an older JDK 17 still starts without the newer switches; that also
 * hides a typo, which would silently undo a memory or start-up setting. So every option in the file must be
 * one this build's JDK (the one the installed app ships) knows, asked of the JDK itself without the ignore switch.
 */
class ConsoleJvmOptionsTest {
    private static final Path OPTIONS = Path.of("packaging", "console-jvm.options");

    @Test
    void everyOptionIsOneTheJdkKnows() throws IOException, InterruptedException {
        List<String> options = Files.readAllLines(OPTIONS, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .filter(l -> !l.equals("-XX:+IgnoreUnrecognizedVMOptions"))
                .toList();
        assertThat(options).as("options in %s", OPTIONS).isNotEmpty();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("java -version returned").isTrue();
        assertThat(java.exitValue()).as("java %s -version said:%n%s", options, said).isZero();
        assertThat(said).doesNotContainIgnoringCase("unrecognized").doesNotContainIgnoringCase("ignoring option");
    }
}
