package dev.concord.cli;

import dev.concord.auth.Browser;
import dev.concord.auth.ConfigLayers;
import dev.concord.auth.SecretStore;
import dev.concord.auth.SecretStores;
import dev.concord.auth.SystemBrowser;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What the command line takes from the machine besides its arguments: the environment, the system
 * configuration file, the secret store (given the data folder), the browser for signing in, standard input
 * and the clock. Tests pass their own; {@link #system()} is the real machine.
 *
 * @param secrets the secret store for a data folder: the OS keyring, else a 0600 file in that folder
 */
record CliEnvironment(Map<String, String> env, Path systemFile, Function<Path, SecretStore> secrets,
                      Browser browser, InputStream stdin, Clock clock) {
    /** The file the console and the CLI fall back to when no keyring answers (the same one). */
    static final String SECRETS_FILE = "secrets.json";

    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), ConfigLayers.SYSTEM_FILE,
                home -> SecretStores.open(home.resolve(SECRETS_FILE)), new SystemBrowser(), System.in,
                Clock.systemUTC());
    }
}
