package dev.concord.importer;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import: counts per {@link RowResult.Status} and every row that needs attention
 * (conflicts and invalid rows with their row number and field).
 *
 * @param dryRun     nothing was committed; the counts say what would have happened
 * @param rolledBack an all-or-nothing import found problems and committed nothing
 */
public record ImportReport(Map<RowResult.Status, Integer> counts, List<RowResult> problems, int rows,
                           boolean dryRun, boolean rolledBack, Duration took) {
    /** Problems listed one per line; beyond this the report says how many more there are. */
    static final int MAX_LISTED = 200;

    public ImportReport {
        counts = new EnumMap<>(counts);
        problems = List.copyOf(problems);
    }

    public int count(RowResult.Status status) {
        return counts.getOrDefault(status, 0);
    }

    /** Whether every row was created, updated or unchanged. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** Whether something was (or, in a dry run, would have been) written. */
    public boolean committed() {
        return !dryRun && !rolledBack;
    }

    /** The report as people read it: a summary line, then one line per problem row. */
    public void print(PrintWriter out) {
        String verb = dryRun ? "Dry run, nothing written: would have " : rolledBack
                ? "Nothing imported (--atomic, " + problems.size() + " rows with problems); would have " : "";
        out.printf("%s%d created, %d updated, %d unchanged, %d skipped as conflicts, %d invalid, of %d rows in %.1f s%n",
                verb, count(RowResult.Status.CREATED), count(RowResult.Status.UPDATED),
                count(RowResult.Status.UNCHANGED), count(RowResult.Status.CONFLICT), count(RowResult.Status.INVALID),
                rows, took.toMillis() / 1000.0);
        int listed = 0;
        for (RowResult p : problems) {
            if (listed++ == MAX_LISTED) {
                out.println("... and " + (problems.size() - MAX_LISTED) + " more rows with problems");
                break;
            }
            out.println(describe(p));
        }
        out.flush();
    }

    /** One problem row, e.g. {@code row 12: invalid: customerEmail: Customer email must be an email address}. */
    public static String describe(RowResult r) {
        StringBuilder sb = new StringBuilder("row ").append(r.row()).append(": ")
                .append(r.status().name().toLowerCase(java.util.Locale.ROOT));
        if (r.id() != null) {
            sb.append(" (").append(r.id()).append(')');
        }
        sb.append(": ");
        if (r.field() != null) {
            sb.append(r.field()).append(": ");
        }
        return sb.append(r.message()).toString();
    }

    /** Counts results as they come in. */
    static final class Tally {
        private final Map<RowResult.Status, Integer> counts = new EnumMap<>(RowResult.Status.class);
        private final List<RowResult> problems = new ArrayList<>();
        private int rows;

        void add(RowResult r) {
            rows++;
            counts.merge(r.status(), 1, Integer::sum);
            if (r.status().problem()) {
                problems.add(r);
            }
        }

        int rows() {
            return rows;
        }

        int count(RowResult.Status status) {
            return counts.getOrDefault(status, 0);
        }

        ImportReport report(boolean dryRun, boolean rolledBack, Duration took) {
            return new ImportReport(counts, problems, rows, dryRun, rolledBack, took);
        }
    }
}
