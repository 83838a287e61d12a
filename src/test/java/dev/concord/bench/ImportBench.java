package dev.concord.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.concord.domain.EntityKind;
import dev.concord.importer.ImportFormat;
import dev.concord.importer.ImportOptions;
import dev.concord.importer.ImportProgress;
import dev.concord.importer.ImportReport;
import dev.concord.importer.Importer;
import dev.concord.server.ConcordServer;
import dev.concord.server.RecordImport;
import dev.concord.server.ServerConfig;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Times {@code concord-server import} of 10,000 subscriptions from CSV ({@link SubscriptionCsv}) into a
 * freshly seeded demo database, on H2 (file) and on PostgreSQL: a dry run, then the import (batches of
 * 500, the default), each on a database of its own. Prints a markdown table; the first argument is the
 * output folder (default target/bench), where {@code import.md} is written too.
 */
public final class ImportBench {
    private static final int ROWS = Integer.getInteger("bench.import.rows", 10_000);

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "import-");
        Path csv = SubscriptionCsv.write(work.resolve("subscriptions.csv"), ROWS);
        List<String> table = new ArrayList<>();
        table.add("| Import of " + String.format("%,d", ROWS) + " subscriptions (CSV, " + Files.size(csv) / 1024
                + " KiB) | Dry run | Import | Rows/s | CPU of the importing thread | Created |");
        table.add("|---|---|---|---|---|---|");
        table.add(row("H2 (file)", ServerConfig.demo(work.resolve("h2")), csv));
        EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
        table.add(row("PostgreSQL (embedded, same machine)", ServerConfig.demoOn(pg.jdbcUrl(), pg.user(), pg.password()), csv));
        String md = String.join("\n", table) + "\n";
        Files.writeString(out.resolve("import.md"), md);
        System.out.println(md);
        System.exit(0);
    }

    private static String row(String backend, ServerConfig config, Path csv) {
        // The server seeds the demo plans the rows refer to, then stops: the import runs alone, as an admin's would.
        try (ConcordServer seeded = ConcordServer.start(config)) {
            System.err.println(backend + ": seeded " + seeded.seededDemoData());
        }
        ImportOptions dry = new ImportOptions(EntityKind.SUBSCRIPTION, ImportFormat.CSV, ImportOptions.DEFAULT_BATCH, true, false);
        ImportOptions real = new ImportOptions(EntityKind.SUBSCRIPTION, ImportFormat.CSV, ImportOptions.DEFAULT_BATCH, false, false);
        try (RecordImport target = RecordImport.open(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), "import")) {
            ImportReport dryRun = new Importer(target, ImportProgress.NONE).run(csv, dry);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            ImportReport report = new Importer(target, ImportProgress.NONE).run(csv, real);
            double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            if (!report.clean()) {
                throw new IllegalStateException(backend + ": rows refused: " + report.problems().subList(0,
                        Math.min(5, report.problems().size())));
            }
            double seconds = report.took().toMillis() / 1000.0;
            return String.format("| %s | %.2f s | %.2f s | %,.0f | %.2f s | %,d |", backend,
                    dryRun.took().toMillis() / 1000.0, seconds, report.rows() / seconds, cpu,
                    report.count(dev.concord.importer.RowResult.Status.CREATED));
        }
    }
}
