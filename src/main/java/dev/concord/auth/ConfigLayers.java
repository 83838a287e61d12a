package dev.concord.auth;

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
 * The layers the console and the CLI take their connection settings from, each overriding the one
 * before: {@code /etc/concord/console.conf} (an admin deploys it) &lt; what the user saved &lt; the
 * environment &lt; the command line. One reader of the system file and one rule for which layer wins,
 * so the two programs cannot drift apart.
 */
public final class ConfigLayers {
    /** The file an administrator deploys: {@code server}, {@code issuer}, {@code client-id}. */
    public static final Path SYSTEM_FILE = Path.of("/etc/concord/console.conf");
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLayers.class);
    private static final Set<String> KEYS = Set.of("server", "issuer", "client-id");

    private ConfigLayers() {
    }

    /**
     * The last non-blank value of {@code valueThenSource} (pairs of value and the name of its layer, lowest
     * layer first); records in {@code sources} under {@code what} which layer gave it. Null when none has one.
     */
    public static String pick(String what, Map<String, String> sources, String... valueThenSource) {
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

    /**
     * The known settings of the system file ({@code key = value} lines); empty when it is not there or
     * cannot be read (logged), unknown keys are named in a warning and ignored.
     */
    public static Map<String, String> readSystemFile(Path file) {
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
