package dev.concord.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fallback secret store when no keyring answers: one JSON file created with mode 0600 (owner only),
 * written to a temporary file and renamed so a crash cannot leave half of it.
 */
public final class FileSecretStore implements SecretStore {
    private final Path file;

    /**
     * Made on first use: a console started without a secrets file (a first-time user) never needs Jackson on
     * its way to the first window (issue 16).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public FileSecretStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(read().get(key));
    }

    @Override
    public synchronized void put(String key, String secret) {
        Map<String, String> all = read();
        all.put(key, secret);
        write(all);
    }

    @Override
    public synchronized void delete(String key) {
        Map<String, String> all = read();
        if (all.remove(key) != null) {
            write(all);
        }
    }

    @Override
    public String description() {
        return "a file only you can read (" + file + "): no desktop keyring answered";
    }

    private Map<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets file " + file, e);
        }
    }

    private void write(Map<String, String> all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(all));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secrets file " + file, e);
        }
    }
}
