package dev.concord.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the installed console connects, from four layers, each overriding the one before:
 * {@code /etc/concord/console.conf} (deployed by an admin: {@code server}, {@code issuer}, {@code client-id})
 * &lt; the user's settings ({@code ~/.concord/console.json}) &lt; the environment ({@code CONCORD_SERVER},
 * {@code CONCORD_ISSUER}, {@code CONCORD_CLIENT_ID}) &lt; the command line ({@code --server}, {@code --issuer},
 * {@code --client-id}). {@link #sources()} says which layer gave each value (shown in About).
 */
record ConsoleConf(String server, String issuer, String clientId, Map<String, String> sources) {
    static final Path SYSTEM_FILE = Path.of("/etc/concord/console.conf");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConf.class);
    private static final Set<String> KEYS = Set.of("server", "issuer", "client-id");

    static ConsoleConf resolve(Path systemFile, ConsoleSettings user, Map<String, String> env,
                               String serverOption, String issuerOption, String clientIdOption) {
        Map<String, String> system = readSystem(systemFile);
        Map<String, String> sources = new LinkedHashMap<>();
        String server = pick("server", sources, system.get("server"), systemFile.toString(), user.server(),
                "your settings", env.get("CONCORD_SERVER"), "CONCORD_SERVER", serverOption, "--server");
        String issuer = pick("issuer", sources, system.get("issuer"), systemFile.toString(), user.issuer(),
                "your settings", env.get("CONCORD_ISSUER"), "CONCORD_ISSUER", issuerOption, "--issuer");
        String clientId = pick("client id", sources, system.get("client-id"), systemFile.toString(), user.clientId(),
                "your settings", env.get("CONCORD_CLIENT_ID"), "CONCORD_CLIENT_ID", clientIdOption, "--client-id");
        return new ConsoleConf(server, issuer, clientId, Map.copyOf(sources));
    }

    /** Whether signing in with an identity provider is set up. */
    boolean signInConfigured() {
        return issuer != null && clientId != null;
    }

    private static String pick(String what, Map<String, String> sources, String... valueThenSource) {
        String value = null;
        for (int i = 0; i < valueThenSource.length; i += 2) {
            String v = valueThenSource[i];
            if (v != null && !v.isBlank()) {
                value = v.strip();
                sources.put(what, valueThenSource[i + 1]);
            }
        }
        return value;
    }

    private static Map<String, String> readSystem(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isReadable(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return out;
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("{}: ignoring unknown setting(s) {} (known: client-id, issuer, server)", file, unknown);
        }
        for (String key : KEYS) {
            String v = p.getProperty(key);
            if (v != null && !v.isBlank()) {
                out.put(key, v.strip());
            }
        }
        return out;
    }
}
