package dev.concord.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports one file into an {@link ImportTarget}: checks the whole file first (encoding, format, header),
 * then sends rows in batches, one transaction each. A row that cannot be read or is refused is reported
 * with its row number and field and the rest go on; with {@code atomic} the file is one transaction that
 * commits only when every row is fine.
 *
 * <pre>{@code
 * ImportReport report = new Importer(target, progress).run(file, options);
 * }</pre>
 */
public final class Importer {
    private final ImportTarget target;
    private final ImportProgress progress;

    public Importer(ImportTarget target, ImportProgress progress) {
        this.target = target;
        this.progress = progress;
    }

    /**
     * @throws ImportFileException    the file is refused as a whole; nothing was written
     * @throws ImportStoppedException the target failed part way; see its partial report
     */
    public ImportReport run(Path file, ImportOptions options) {
        long started = System.nanoTime();
        FileCheck.Summary summary = FileCheck.check(file, options.format());
        ImportReport.Tally tally = new ImportReport.Tally();
        List<SourceRow.Data> batch = new ArrayList<>();
        List<RowResult> unreadable = new ArrayList<>();
        boolean rolledBack = false;
        try (RowReader reader = RowReader.open(file, options.format(), options.kind())) {
            SourceRow row;
            while ((row = reader.next()) != null) {
                if (row instanceof SourceRow.Unreadable u) {
                    RowResult r = RowResult.invalid(u.row(), null, u.field(), u.message());
                    unreadable.add(r);
                    tally.add(r);
                    continue;
                }
                batch.add((SourceRow.Data) row);
                if (!options.atomic() && batch.size() >= options.batchSize()) {
                    send(batch, options, ImportTarget.Commit.WRITTEN_ROWS, tally, summary, started);
                }
            }
            if (options.atomic()) {
                // One unreadable row already refuses the file; the data rows still get a dry run, so the
                // report names every problem at once instead of one per attempt.
                ImportTarget.Commit commit = unreadable.isEmpty() ? ImportTarget.Commit.ONLY_IF_ALL_FINE
                        : ImportTarget.Commit.NEVER;
                send(batch, options, commit, tally, summary, started);
                rolledBack = tally.count(RowResult.Status.CONFLICT) + tally.count(RowResult.Status.INVALID) > 0;
            } else {
                send(batch, options, ImportTarget.Commit.WRITTEN_ROWS, tally, summary, started);
            }
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage());
        }
        return sorted(tally.report(options.dryRun(), rolledBack && !options.dryRun(), since(started)));
    }

    private void send(List<SourceRow.Data> batch, ImportOptions options, ImportTarget.Commit commit,
                      ImportReport.Tally tally, FileCheck.Summary summary, long started) {
        if (batch.isEmpty()) {
            return;
        }
        ImportTarget.Commit effective = options.dryRun() ? ImportTarget.Commit.NEVER : commit;
        List<RowResult> results;
        try {
            results = target.apply(options.kind(), List.copyOf(batch), effective);
        } catch (RuntimeException e) {
            throw new ImportStoppedException("The import stopped at row " + batch.get(0).row() + ": "
                    + e.getMessage(), sorted(tally.report(options.dryRun(), false, since(started))), e);
        }
        results.forEach(tally::add);
        batch.clear();
        progress.update(tally.rows(), summary.lines(),
                tally.count(RowResult.Status.CONFLICT) + tally.count(RowResult.Status.INVALID));
    }

    private static ImportReport sorted(ImportReport r) {
        List<RowResult> problems = new ArrayList<>(r.problems());
        problems.sort(Comparator.comparingInt(RowResult::row));
        return new ImportReport(r.counts(), problems, r.rows(), r.dryRun(), r.rolledBack(), r.took());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
