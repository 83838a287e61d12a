package dev.concord.auth;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keyring through java-keyring: the Secret Service (GNOME Keyring, KWallet) on Linux,
 * Keychain on macOS, the Credential Manager on Windows. Entries are stored under the service "Concord".
 */
public final class KeyringSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private static final String SERVICE = "Concord";
    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The keyring, if one answers: writing and deleting a probe entry must work (a Secret Service library
     * may load while no D-Bus session or keyring daemon is there to answer).
     */
    public static Optional<SecretStore> ifAvailable() {
        try {
            Keyring keyring = Keyring.create();
            keyring.setPassword(SERVICE, "probe", "probe");
            keyring.deletePassword(SERVICE, "probe");
            return Optional.of(new KeyringSecretStore(keyring));
        } catch (BackendNotSupportedException | PasswordAccessException | RuntimeException | LinkageError e) {
            LOG.info("no desktop keyring answers ({}); secrets go to a file only the user can read", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, key));
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry this way too.
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String secret) {
        try {
            keyring.setPassword(SERVICE, key, secret);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("the keyring refused to store a secret: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException e) {
            LOG.debug("nothing to delete for {} in the keyring", key);
        }
    }

    @Override
    public String description() {
        return "the desktop keyring (" + keyring.getKeyringStorageType() + ")";
    }
}
