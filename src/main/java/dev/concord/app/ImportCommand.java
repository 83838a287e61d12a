package dev.concord.app;

import dev.concord.domain.EntityKind;
import dev.concord.importer.ImportFileException;
import dev.concord.importer.ImportFormat;
import dev.concord.importer.ImportOptions;
import dev.concord.importer.ImportProgress;
import dev.concord.importer.ImportReport;
import dev.concord.importer.ImportStoppedException;
import dev.concord.importer.Importer;
import dev.concord.server.RecordImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./launcher server import FILE} (packaged: {@code concord-server import FILE}): creates and updates
 * records from a CSV file with a header row or a JSON-lines file, straight into the service's database
 * through the same code as the API. Exit 0 when every row was fine, 1 when some were not (or an
 * all-or-nothing import wrote nothing), 2 when the file or the options were refused.
 */
@Command(name = "import", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Creates and updates records from a CSV file (header row of field names) or JSON lines.",
                "A row without id (or with a new id) creates a record; a row with an id and a version updates it "
                        + "if the record is still at that version, otherwise it is skipped as a conflict."},
        footer = {"", "Database: concord-server import uses its server.conf (--config); ./launcher server import uses --data or --db.",
                "Database password with --db: the CONCORD_DB_PASSWORD environment variable or --db-password-file, never an argument.",
                "Exit codes: 0 every row fine, 1 some rows skipped or invalid (or --atomic wrote nothing), 2 file or options refused."})
final class ImportCommand implements Callable<Integer> {

    /** {@link ServerMain} (the installed concord-server: database from its server.conf) or {@link ServerCommand}. */
    @ParentCommand
    Object parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .jsonl file, UTF-8")
    Path file;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "subscriptions",
            description = "subscriptions, plans or invoices (default ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--format", paramLabel = "F", description = "csv or jsonl (default: from the file name)")
    String format;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_BATCH,
            description = "Rows per transaction (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--dry-run", description = "Check every row against the database and report, but write nothing")
    boolean dryRun;

    @Option(names = "--atomic", description = "All or nothing: one bad or conflicting row and nothing is written")
    boolean atomic;

    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "import",
            description = "Who the change log names as author (default ${DEFAULT-VALUE})")
    String actor;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the server's H2 database (default: concord.home/server; concord-server: from server.conf)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server's database, e.g. jdbc:postgresql://host/concord")
    String db;

    @Option(names = "--db-user", paramLabel = "U")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the database password")
    Path dbPasswordFile;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    private final PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        EntityKind entityKind = EntityKind.fromPath(kind).orElse(null);
        if (entityKind == null) {
            return usage("--kind must be subscriptions, plans or invoices, was " + kind);
        }
        ImportFormat fileFormat = format != null ? ImportFormat.fromName(format).orElse(null)
                : ImportFormat.fromFileName(file).orElse(null);
        if (fileFormat == null) {
            return usage(format != null ? "--format must be csv or jsonl, was " + format
                    : "Cannot tell the format from the name " + file.getFileName() + "; name it .csv or .jsonl, or pass --format");
        }
        if (batch < 1 || batch > ImportOptions.MAX_BATCH) {
            return usage("--batch must be from 1 to " + ImportOptions.MAX_BATCH + ", was " + batch);
        }
        if (db != null && !db.startsWith("jdbc:")) {
            return usage("--db must be a JDBC URL such as jdbc:postgresql://localhost/concord, was " + db);
        }
        if (actor.isBlank() || actor.length() > 100) {
            return usage("--actor must be 1 to 100 characters");
        }
        String password;
        try {
            password = DatabasePassword.of(dbPasswordFile);
        } catch (IOException e) {
            return usage("Cannot read the password file " + dbPasswordFile + ": " + e.getMessage());
        }
        String url;
        String user;
        if (db == null && data == null && parent instanceof ServerMain installed) {
            // The installed service: the same database as the server, from its server.conf.
            ServerConfFile conf = installed.load(System.err);
            if (conf == null) {
                return 2;
            }
            url = conf.config().effectiveJdbcUrl();
            user = conf.config().dbUser();
            password = conf.config().dbPassword();
        } else if (db != null) {
            url = db;
            user = dbUser;
        } else {
            // As the server opens its H2 folder: no user, no password.
            url = RecordImport.h2Url(data != null ? data : ServerCommand.concordHome().resolve("server"));
            user = dbUser;
        }
        ImportOptions options = new ImportOptions(entityKind, fileFormat, batch, dryRun, atomic);
        ProgressLine progressLine = new ProgressLine(err);
        try (RecordImport target = RecordImport.open(url, user, password, actor)) {
            ImportReport report = new Importer(target, progressLine).run(file, options);
            progressLine.finish();
            report.print(out);
            return report.clean() ? 0 : 1;
        } catch (ImportFileException e) {
            err.println("import: " + e.getMessage());
            return 2;
        } catch (ImportStoppedException e) {
            progressLine.finish();
            err.println("import: " + e.getMessage());
            err.println("import: rows before that were " + (dryRun || atomic ? "not written" : "committed") + ":");
            e.partial().print(err);
            return 1;
        } catch (RuntimeException e) {
            err.println("import: cannot use the database " + url.split(";")[0] + ": " + rootMessage(e));
            return 2;
        }
    }

    private int usage(String message) {
        err.println("import: " + message);
        err.println("Try './launcher server import --help'.");
        return 2;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** "imported 3,500 of about 10,000 rows, 2 problems", rewritten in place on a terminal, once a second. */
    static final class ProgressLine implements ImportProgress {
        private final PrintWriter err;
        private boolean printedInPlace;
        private final boolean terminal = System.console() != null;
        /** Starts now: a file imported within the first second shows no progress at all, only the report. */
        private long lastPrinted = System.nanoTime();

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(int rowsDone, long fileLines, int problems) {
            long now = System.nanoTime();
            if (now - lastPrinted < 1_000_000_000L) {
                return;
            }
            lastPrinted = now;
            String line = String.format("%,d of about %,d rows, %d with problems", rowsDone, Math.max(rowsDone, fileLines - 1),
                    problems);
            if (terminal) {
                err.print("\r" + line + "   ");
                printedInPlace = true;
            } else {
                err.println(line);
            }
            err.flush();
        }

        /** Ends a line rewritten in place, so the report starts on a line of its own. */
        void finish() {
            if (printedInPlace) {
                err.println();
                printedInPlace = false;
            }
        }
    }
}
