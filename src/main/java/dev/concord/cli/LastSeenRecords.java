package dev.concord.cli;

import dev.concord.api.Json;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last copy of each record this user read through the command line, so that an edit typed while the
 * server is down still has a base version and can be kept as a pending edit. A stale copy is safe: the
 * pending edit is sent with that version, so the server's version check and the merge still apply.
 */
final class LastSeenRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LastSeenRecords.class);
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");

    private final Path dir;

    LastSeenRecords(Path dir) {
        this.dir = dir;
    }

    void remember(Entity entity) {
        Path file = file(entity.kind(), entity.id());
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Json.mapper().writeValue(temp.toFile(), entity);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Only an offline convenience: the command itself worked, so say so in the log and go on.
            LOG.warn("Could not keep a copy of {}/{} in {}: {}", entity.kind().path(), entity.id(), dir, e.getMessage());
        }
    }

    Optional<Entity> lastSeen(EntityKind kind, String id) {
        Path file = file(kind, id);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), kind.type()));
        } catch (IOException e) {
            LOG.warn("Ignoring an unreadable copy of {}/{} ({})", kind.path(), id, e.getMessage());
            return Optional.empty();
        }
    }

    private Path file(EntityKind kind, String id) {
        return SAFE_ID.matcher(id).matches() ? dir.resolve(kind.path() + "-" + id + ".json") : null;
    }
}
