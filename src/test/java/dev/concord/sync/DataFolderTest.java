package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsMadeAndUsable() {
        Path folder = dir.resolve("a/b/.concord");
        assertThat(DataFolder.check(folder)).isEmpty();
        assertThat(folder).isDirectory();
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(DataFolder.check(file)).contains(DataFolder.Problem.NOT_A_FOLDER);
        assertThat(file).hasContent("x");
    }

    @Test
    void aFolderUnderAFileCannotBeMade() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(DataFolder.check(file.resolve("home"))).contains(DataFolder.Problem.CANNOT_CREATE);
    }

    @Test
    void aReadOnlyFolderIsSaid() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root may write anywhere, so only another user sees the folder as read-only.
        assumeTrue(!Files.isWritable(folder), "running as root");
        assertThat(DataFolder.check(folder)).contains(DataFolder.Problem.READ_ONLY);
    }
}
