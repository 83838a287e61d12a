package dev.concord.auth;

import java.nio.file.Path;

/** Picks where secrets go on this machine. */
public final class SecretStores {
    private SecretStores() {
    }

    /** The OS keyring when one answers, else the 0600 file {@code fallbackFile}. May take a moment: not on the FX thread. */
    public static SecretStore open(Path fallbackFile) {
        return KeyringSecretStore.ifAvailable().orElseGet(() -> new FileSecretStore(fallbackFile));
    }

    /** The key of the refresh token of a sign-in at {@code serverUrl}. */
    public static String refreshTokenKey(String serverUrl) {
        return "refresh-token " + serverUrl;
    }

    /** The key of a static (service) token used at {@code serverUrl}. */
    public static String staticTokenKey(String serverUrl) {
        return "token " + serverUrl;
    }
}
