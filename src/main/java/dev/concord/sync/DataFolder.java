package dev.concord.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the console and the command line can keep their data (settings, the conflict store, last-seen
 * records, logs) in a folder, checked before anything is started. Without it the console opened, lost its
 * settings with a warning and then stopped on the conflict store with a Java stack trace: the conflict store
 * keeps an agent's unsent changes, so a face that cannot write it must not start, and must say why.
 */
public final class DataFolder {
    /** Why a folder cannot be used. */
    public enum Problem { NOT_A_FOLDER, CANNOT_CREATE, READ_ONLY }

    private DataFolder() {
    }

    /** Makes {@code folder} when it is missing; the problem when it then cannot be used, else empty. */
    public static Optional<Problem> check(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of(Problem.NOT_A_FOLDER);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return Optional.of(Problem.CANNOT_CREATE);
        }
        return Files.isWritable(folder) ? Optional.empty() : Optional.of(Problem.READ_ONLY);
    }
}
