package dev.concord.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.concord.api.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line's sign-in, without its secret: which server, which identity provider and client, and
 * who signed in ({@code <data folder>/cli-sign-in.json}). The refresh token is in the secret store under
 * {@link #secretKey(String)}; a key of the CLI's own, so that the console's sign-in and the CLI's do not
 * spend each other's refresh tokens (providers that rotate them accept each one once).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredSignIn(@JsonProperty("server") String server, @JsonProperty("issuer") String issuer,
                    @JsonProperty("clientId") String clientId, @JsonProperty("user") String user) {
    private static final Logger LOG = LoggerFactory.getLogger(StoredSignIn.class);
    static final String FILE = "cli-sign-in.json";

    static String secretKey(String server) {
        return "cli " + dev.concord.auth.SecretStores.refreshTokenKey(server);
    }

    /** The folder name of this person's pending edits and last copies: stable across runs, gives nothing away. */
    String folderKey() {
        return "signed-in " + server + " " + user;
    }

    static Optional<StoredSignIn> load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), StoredSignIn.class));
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void save(Path home) throws IOException {
        Files.createDirectories(home);
        Path file = home.resolve(FILE);
        Path tmp = home.resolve(FILE + ".tmp");
        Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void forget(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(FILE));
    }
}
