package dev.concord.auth;

import java.util.Optional;

/**
 * Where the console keeps secrets between runs (refresh tokens, static tokens): the OS keyring where one
 * answers, else a file only the user can read. Keys are short names such as {@code refresh-token <server>}.
 */
public interface SecretStore {
    Optional<String> get(String key);

    void put(String key, String secret);

    void delete(String key);

    /** Where secrets go, in words for the About box and the Connect screen. */
    String description();
}
