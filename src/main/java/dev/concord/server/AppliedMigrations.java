package dev.concord.server;

import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a demo database already holds every migration of the class path, told without starting Flyway.
 *
 * <p>Why (issue 16 part 5): the console's embedded demo server on an existing demo file ran Flyway at every start
 * to find nothing to apply; Flyway is ~370 classes (about 2 MiB of metaspace and symbols the console then kept for
 * its whole life) and half a second of a loaded machine. Only demo servers ask: an installed server runs Flyway
 * always, which also checks that applied migrations were not edited since. Any doubt (no history table, a failed
 * or missing version, a class path that cannot be listed, a repeatable migration) answers no, and Flyway runs.
 */
final class AppliedMigrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

    private AppliedMigrations() {
    }

    /** True only when the history table shows every versioned migration of the class path applied with success. */
    static boolean allApplied(DataSource dataSource) {
        Optional<Set<String>> wanted = inClassPath();
        if (wanted.isEmpty() || wanted.get().isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                applied.add(normalized(rs.getString(1)));
            }
        } catch (SQLException e) {
            // No history table yet (a new database) or not readable: Flyway will know what to do.
            return false;
        }
        return applied.containsAll(wanted.get());
    }

    /** The normalized versions of the class path's versioned migrations; empty when they cannot be listed. */
    static Optional<Set<String>> inClassPath() {
        URL folder = AppliedMigrations.class.getClassLoader().getResource(LOCATION);
        if (folder == null) {
            return Optional.empty();
        }
        try {
            Set<String> names = switch (folder.getProtocol()) {
                case "file" -> filesIn(Path.of(folder.toURI()));
                case "jar" -> entriesOf(folder);
                default -> null;
            };
            return names == null ? Optional.empty() : versionsOf(names);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Versions of the file names, or empty when any is a repeatable migration (those re-run on change). */
    static Optional<Set<String>> versionsOf(Set<String> fileNames) {
        Set<String> versions = new HashSet<>();
        for (String name : fileNames) {
            if (REPEATABLE.matcher(name).matches()) {
                return Optional.empty();
            }
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                versions.add(normalized(m.group(1)));
            }
        }
        return Optional.of(versions);
    }

    /** "6_1" (a file name) and "6.1" (Flyway's history) both become "6.1"; leading zeros go. */
    static String normalized(String version) {
        StringBuilder out = new StringBuilder();
        for (String part : version.split("[._]")) {
            out.append(out.length() == 0 ? "" : ".").append(part.isEmpty() ? part : new BigInteger(part).toString());
        }
        return out.toString();
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }

    private static Set<String> entriesOf(URL folder) throws IOException {
        URLConnection connection = folder.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return null;
        }
        // Not the shared cached JarFile: it would stay open (with its directory in the heap) after this one look.
        jar.setUseCaches(false);
        String prefix = LOCATION + "/";
        Set<String> names = new HashSet<>();
        try (JarFile file = jar.getJarFile()) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.length() > prefix.length()) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
        return names;
    }
}
