package dev.concord.app;

import dev.concord.auth.ConfigLayers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the installed console connects, from four layers, each overriding the one before:
 * {@code /etc/concord/console.conf} (deployed by an admin: {@code server}, {@code issuer}, {@code client-id})
 * &lt; the user's settings ({@code ~/.concord/console.json}) &lt; the environment ({@code CONCORD_SERVER},
 * {@code CONCORD_ISSUER}, {@code CONCORD_CLIENT_ID}) &lt; the command line ({@code --server}, {@code --issuer},
 * {@code --client-id}). {@link #sources()} says which layer gave each value (shown in About).
 */
record ConsoleConf(String server, String issuer, String clientId, Map<String, String> sources) {
    static final Path SYSTEM_FILE = ConfigLayers.SYSTEM_FILE;

    static ConsoleConf resolve(Path systemFile, ConsoleSettings user, Map<String, String> env,
                               String serverOption, String issuerOption, String clientIdOption) {
        Map<String, String> system = ConfigLayers.readSystemFile(systemFile);
        Map<String, String> sources = new LinkedHashMap<>();
        String server = ConfigLayers.pick("server", sources, system.get("server"), systemFile.toString(), user.server(),
                "your settings", env.get("CONCORD_SERVER"), "CONCORD_SERVER", serverOption, "--server");
        String issuer = ConfigLayers.pick("issuer", sources, system.get("issuer"), systemFile.toString(), user.issuer(),
                "your settings", env.get("CONCORD_ISSUER"), "CONCORD_ISSUER", issuerOption, "--issuer");
        String clientId = ConfigLayers.pick("client id", sources, system.get("client-id"), systemFile.toString(), user.clientId(),
                "your settings", env.get("CONCORD_CLIENT_ID"), "CONCORD_CLIENT_ID", clientIdOption, "--client-id");
        return new ConsoleConf(server, issuer, clientId, Map.copyOf(sources));
    }

    /** Whether signing in with an identity provider is set up. */
    boolean signInConfigured() {
        return issuer != null && clientId != null;
    }
}
