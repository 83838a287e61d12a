package dev.concord.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ${concord.home}/<user>/settings.json} (and the installed console's {@code console.json}). Tokens
 * are not in it (they go to the secret store); it is still readable by its owner only, and written to a temporary file and renamed so a crash cannot
 * leave half a file.
 */
final class SettingsFile {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    /**
     * Made on first use: Jackson's mapper (~450 classes) is not needed to learn that a first-time user has no
     * settings yet, on the console's way to its first window (issue 16).
     */
    private static final class Mapper {
        static final ObjectMapper JSON = Json.mapper();
    }

    private final Path file;

    SettingsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The saved settings; none when there is no file, and none (with a warning) when it cannot be read. */
    ConsoleSettings load() {
        if (!Files.exists(file)) {
            return ConsoleSettings.none();
        }
        try {
            return Mapper.JSON.readValue(file.toFile(), ConsoleSettings.class);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable settings file {}: {}", file, e.getMessage());
            return ConsoleSettings.none();
        }
    }

    void save(ConsoleSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions here; {} keeps the default ones", file);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
