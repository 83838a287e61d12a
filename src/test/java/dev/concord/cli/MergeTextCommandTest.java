package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cli merge-text}: git merge-file's output and exit codes on three local files. */
class MergeTextCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void aCleanMergeIsPrintedAndExitsZero() throws IOException {
        Path mine = file("mine.txt", "a\nB\nc\n");
        Path base = file("base.txt", "a\nb\nc\n");
        Path theirs = file("theirs.txt", "a\nb\nc\nd\n");

        assertThat(run(mine, base, theirs)).isZero();
        assertThat(out).isEqualTo("a\nB\nc\nd\n");
        assertThat(err).isEmpty();
    }

    @Test
    void conflictsAreMarkedWithTheFileNamesAndCounted() throws IOException {
        Path mine = file("mine.txt", "one\nMINE\nthree\nfour\nfive\nsix\nseven\nMINE 8\n");
        Path base = file("base.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n");
        Path theirs = file("theirs.txt", "one\nTHEIRS\nthree\nfour\nfive\nsix\nseven\nTHEIRS 8\n");

        assertThat(run(mine, base, theirs)).isEqualTo(2);
        assertThat(out).isEqualTo("one\n<<<<<<< " + mine + "\nMINE\n=======\nTHEIRS\n>>>>>>> " + theirs
                + "\nthree\nfour\nfive\nsix\nseven\n<<<<<<< " + mine + "\nMINE 8\n=======\nTHEIRS 8\n>>>>>>> "
                + theirs + "\n");
    }

    @Test
    void simultaneousInsertionsAreMergedNotConflicting() throws IOException {
        Path mine = file("mine.txt", "a\nNote 1\nNote 2\nb\n");
        Path base = file("base.txt", "a\nb\n");
        Path theirs = file("theirs.txt", "a\nNote 1\nb\n");

        assertThat(run(mine, base, theirs)).isZero();
        assertThat(out).isEqualTo("a\nNote 1\nNote 2\nb\n");
    }

    @Test
    void theMergeGoesToTheOutputFileWhenAsked() throws IOException {
        Path merged = dir.resolve("merged.txt");

        int code = run("merge-text", file("m", "x\n").toString(), file("b", "").toString(), file("t", "").toString(),
                "-o", merged.toString());

        assertThat(code).isZero();
        assertThat(out).isEmpty();
        assertThat(Files.readString(merged)).isEqualTo("x\n");
    }

    @Test
    void aMissingFileIsNamedAndExitsWithTheErrorCode() throws IOException {
        Path missing = dir.resolve("nope.txt");

        int code = run(file("m", "x\n"), missing, file("t", "y\n"));

        assertThat(code).isEqualTo(MergeTextCommand.ERROR);
        assertThat(err).contains("cannot read BASE " + missing + ": there is no such file").doesNotContain("Exception");
        assertThat(out).isEmpty();
    }

    @Test
    void binaryAndNonUtf8FilesAreRefusedPlainly() throws IOException {
        Path binary = file("bin", "a\0b");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'G', 'r', (byte) 0xFC, 'n', '\n'});

        assertThat(run(binary, file("b", ""), file("t", ""))).isEqualTo(MergeTextCommand.ERROR);
        assertThat(err).contains("binary file");
        assertThat(run(file("m", ""), file("b", ""), latin1)).isEqualTo(MergeTextCommand.ERROR);
        assertThat(err).contains("not UTF-8 text");
    }

    @Test
    void missingArgumentsAreAUsageErrorThatCannotBeMistakenForAConflictCount() {
        assertThat(run("merge-text", "only-one")).isEqualTo(MergeTextCommand.ERROR);
        assertThat(err).contains("Usage: ./launcher cli merge-text MINE BASE THEIRS [-o OUT]");
    }

    private int run(Path mine, Path base, Path theirs) {
        return run("merge-text", mine.toString(), base.toString(), theirs.toString());
    }

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
