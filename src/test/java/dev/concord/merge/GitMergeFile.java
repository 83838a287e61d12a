package dev.concord.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code git merge-file -p -L mine -L base -L theirs mine base theirs} on three texts. */
final class GitMergeFile {
    private GitMergeFile() {
    }

    /** git's output and exit code (the number of conflicts, capped at 127). */
    record Result(String output, int conflicts) {
    }

    static Result merge(String base, String mine, String theirs) {
        try {
            Path dir = Files.createTempDirectory("concord-merge-file");
            try {
                Path b = write(dir, "base", base);
                Path m = write(dir, "mine", mine);
                Path t = write(dir, "theirs", theirs);
                Process p = new ProcessBuilder("git", "merge-file", "-p", "-L", "mine", "-L", "base", "-L", "theirs",
                        m.toString(), b.toString(), t.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("git merge-file did not finish");
                }
                int rc = p.exitValue();
                if (rc < 0 || rc > 127) {
                    throw new IllegalStateException("git merge-file failed with exit code " + rc);
                }
                return new Result(out, rc);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The three texts, printable in a failure message. */
    static String show(String base, String mine, String theirs) {
        StringBuilder out = new StringBuilder();
        for (List<String> named : List.of(List.of("base", base), List.of("mine", mine), List.of("theirs", theirs))) {
            out.append("\n--- ").append(named.get(0)).append(": ").append(quote(named.get(1)));
        }
        return out.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
