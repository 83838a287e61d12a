package dev.concord.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo database prepared at build time (issue 16: rows on screen sooner for a first-time user): an H2 file
 * with every migration applied and {@link DemoSeed}'s data in it, made by {@link #main} during the build
 * (pom.xml, phase process-classes) from this build's own migrations and seed, and shipped in the jar. A demo
 * server whose H2 file does not exist yet starts from a copy of it instead of creating the file, running the
 * migrations and inserting the demo records: the same data (the seed is fixed: same records, same instants),
 * without Flyway's migrations and 165 inserts before the first answer.
 *
 * <p>A template read from the application's jar was made by the same build from the same migrations, so the
 * server skips Flyway for it ({@link #placedFromJar}: Flyway's start alone, finding nothing to apply, cost
 * ~0.5 s of a loaded machine before the first rows). From a folder of classes (tests, an IDE, where the
 * template may be older than a migration just added) Flyway runs as always and applies what is missing.
 */
final class DemoTemplate {
    /** Where the build puts the template in the jar. */
    static final String RESOURCE = "/dev/concord/server/demo-template.mv.db";
    /** H2's file for the database named {@code concord} under the data folder (ServerConfig#effectiveJdbcUrl). */
    private static final String DATABASE_FILE = "concord.mv.db";

    private DemoTemplate() {
    }

    /** What {@link #placeIfFresh} did. */
    enum Placed {
        /** Nothing: not a fresh demo database on an H2 file, or no template in the class path. */
        NOTHING,
        /** Copied from the application's jar: made by this build from these migrations, no migration needed. */
        FROM_JAR,
        /** Copied from a folder of classes: Flyway still applies any migration newer than the template. */
        FROM_CLASSES;

        boolean any() {
            return this != NOTHING;
        }
    }

    /**
     * Puts the template in place when {@code config} is a demo server on an H2 file that does not exist yet.
     * Without a template in the class path (a build that skipped it) the server migrates and seeds as before.
     */
    static Placed placeIfFresh(ServerConfig config) {
        java.net.URL template = DemoTemplate.class.getResource(RESOURCE);
        if (!config.demo() || !onItsOwnFile(config) || template == null
                || !placeIfAbsent(config.dataDir().resolve(DATABASE_FILE))) {
            return Placed.NOTHING;
        }
        return "jar".equals(template.getProtocol()) ? Placed.FROM_JAR : Placed.FROM_CLASSES;
    }

    /**
     * Whether the database is the H2 file under the data folder: the server's own URL, or that URL with settings
     * added (the console's embedded server asks for a smaller page cache).
     */
    private static boolean onItsOwnFile(ServerConfig config) {
        if (config.dataDir() == null) {
            return false;
        }
        String own = ServerConfig.demo(config.dataDir()).effectiveJdbcUrl();
        String url = config.effectiveJdbcUrl();
        return url.equals(own) || url.startsWith(own + ";");
    }

    private static boolean placeIfAbsent(Path target) {
        if (Files.exists(target)) {
            return false;
        }
        try (InputStream template = DemoTemplate.class.getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return false;
            }
            // Copied beside the target and moved into place in one step, so that a second server starting on the
            // same folder at the same moment never opens a half-written file; the one that moves second keeps
            // the first's file (and then fails on H2's lock, as two servers on one file always did).
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), "concord-demo-", ".part");
            try {
                Files.copy(template, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the demo database " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the template to {@code args[0]}: a fresh H2 file, migrated and seeded exactly as a demo server's
     * first start does, then compacted. Run by the build.
     */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("concord-demo-template-");
        try {
            ServerConfig config = ServerConfig.demo(work);
            try (Database db = new Database(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
                db.migrate();
                if (!DemoSeed.seedIfEmpty(db, new RecordRepository(db, new ServerClock(Clock.systemUTC())))) {
                    throw new IllegalStateException("the fresh demo database was not empty");
                }
            }
            // Rewrites the file without the space freed while seeding: a smaller jar, a quicker copy. Outside the
            // pool, which would touch the connection after the database has gone.
            try (Connection c = DriverManager.getConnection(config.effectiveJdbcUrl()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(output.getParent());
            Files.copy(work.resolve(DATABASE_FILE), output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
