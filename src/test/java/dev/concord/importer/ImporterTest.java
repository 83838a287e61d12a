package dev.concord.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, batching and reporting of imports, against a target that records what it was asked. */
class ImporterTest {
    private static final String HEADER = "id,version,customerName,customerEmail,planId,status,amount,currency,"
            + "billingCycle,nextBillingDate,cancelAtPeriodEnd,tags,notes\n";

    @TempDir
    Path dir;

    private final RecordingTarget target = new RecordingTarget();

    @Test
    void csvRowsAreReadWithTheirLineNumbersAndWireValues() throws IOException {
        Path file = write("subs.csv", HEADER
                + ",,Ada,ada@example.com,plan_basic,active,19.99,EUR,monthly,2027-01-01,false,\"vip, eu\",\"two\nlines\"\n"
                + "sub_0002,3,Bob,bob@example.com,plan_basic,active,5.00,EUR,monthly,,yes,,\n");

        ImportReport report = run(file, false, false, 500);

        assertThat(report.count(RowResult.Status.CREATED)).isEqualTo(1);
        assertThat(report.count(RowResult.Status.UPDATED)).isEqualTo(1);
        SourceRow.Data first = target.rows.get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.id()).isNull();
        assertThat(first.values()).containsEntry("tags", List.of("vip", "eu")).containsEntry("notes", "two\nlines")
                .containsEntry("cancelAtPeriodEnd", false).containsEntry("amount", "19.99");
        SourceRow.Data second = target.rows.get(1);
        assertThat(second.row()).isEqualTo(4);
        assertThat(second.id()).isEqualTo("sub_0002");
        assertThat(second.version()).isEqualTo(3L);
        assertThat(second.values()).containsEntry("nextBillingDate", null).containsEntry("cancelAtPeriodEnd", true)
                .containsEntry("tags", List.of());
    }

    @Test
    void badRowsAreReportedWithRowAndFieldAndTheRestGoOn() throws IOException {
        Path file = write("subs.csv", HEADER
                + ",,Ada,not-an-email,plan_basic,active,19.99,EUR,monthly,,false,,\n"
                + "sub_1,zwei,Bob,bob@example.com,plan_basic,active,5.00,EUR,monthly,,false,,\n"
                + "only,three,cells\n"
                + ",,Cy,cy@example.com,plan_basic,active,5.00,EUR,monthly,,false,,\n");

        ImportReport report = run(file, false, false, 500);

        assertThat(report.count(RowResult.Status.CREATED)).isEqualTo(1);
        assertThat(report.count(RowResult.Status.INVALID)).isEqualTo(3);
        assertThat(report.problems()).extracting(RowResult::row).containsExactly(2, 3, 4);
        assertThat(report.problems().get(0).field()).isEqualTo("customerEmail");
        assertThat(report.problems().get(1).field()).isEqualTo("version");
        assertThat(ImportReport.describe(report.problems().get(2))).contains("row 4").contains("13 columns");
        assertThat(target.commits).containsExactly(ImportTarget.Commit.WRITTEN_ROWS);
    }

    @Test
    void rowsGoInBatchesWithAProgressLineAfterEach() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            csv.append(",,N").append(i).append(",n").append(i).append("@example.com,plan_basic,active,1.00,EUR,monthly,,false,,\n");
        }
        List<Integer> progress = new ArrayList<>();
        ImportReport report = new Importer(target, (rows, lines, problems) -> progress.add(rows))
                .run(write("subs.csv", csv.toString()), options(ImportFormat.CSV, false, false, 2));

        assertThat(report.count(RowResult.Status.CREATED)).isEqualTo(5);
        assertThat(target.batchSizes).containsExactly(2, 2, 1);
        assertThat(progress).containsExactly(2, 4, 5);
    }

    @Test
    void aDryRunNeverCommitsAndAnAtomicImportWithAProblemCommitsNothing() throws IOException {
        Path file = write("subs.csv", HEADER
                + ",,Ada,ada@example.com,plan_basic,active,19.99,EUR,monthly,,false,,\n"
                + ",,Bob,bob,plan_basic,active,19.99,EUR,monthly,,false,,\n");

        ImportReport dry = run(file, true, false, 1);
        assertThat(dry.dryRun()).isTrue();
        assertThat(target.commits).containsOnly(ImportTarget.Commit.NEVER);

        target.commits.clear();
        ImportReport atomic = run(file, false, true, 1);
        assertThat(target.commits).containsExactly(ImportTarget.Commit.ONLY_IF_ALL_FINE);
        assertThat(target.batchSizes).last().isEqualTo(2);
        assertThat(atomic.rolledBack()).isTrue();
        assertThat(atomic.committed()).isFalse();
    }

    @Test
    void anAtomicImportWithAnUnreadableRowOnlyDryRunsTheOthers() throws IOException {
        Path file = write("subs.jsonl", "{\"customerName\": \"Ada\", \"customerEmail\": \"ada@example.com\"}\n"
                + "{\"customerName\": \n");

        ImportReport report = run(file, false, true, 500);

        assertThat(target.commits).containsExactly(ImportTarget.Commit.NEVER);
        assertThat(report.rolledBack()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).contains("not valid JSON");
        });
    }

    @Test
    void jsonLinesKeepWireValuesAndReportBadLines() throws IOException {
        Path file = write("subs.jsonl", "{\"id\": \"sub_9\", \"version\": 2, \"status\": \"paused\"}\n"
                + "\n"
                + "[1, 2]\n"
                + "{\"id\": \"sub_8\", \"version\": 1.5}\n"
                + "{\"customerName\": \"A\", \"customerName\": \"B\"}\n");

        ImportReport report = run(file, false, false, 500);

        assertThat(target.rows).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("sub_9");
            assertThat(r.version()).isEqualTo(2L);
            assertThat(r.values()).isEqualTo(Map.of("status", "paused"));
        });
        assertThat(report.problems()).extracting(RowResult::row).containsExactly(3, 4, 5);
        assertThat(report.problems().get(1).field()).isEqualTo("version");
        assertThat(report.problems().get(2).message()).contains("Duplicate field");
    }

    @Test
    void filesInTheWrongEncodingOrFormatAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + ",,Jos\u00e9,j@example.com,plan_basic,active,1.00,EUR,monthly,,false,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> run(latin1, false, false, 500)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("line 2");

        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> run(utf16, false, false, 500)).hasMessageContaining("UTF-16");

        Path json = write("subs.csv", "{\"customerName\": \"A\"}\n");
        assertThatThrownBy(() -> run(json, false, false, 500)).hasMessageContaining("looks like JSON");

        Path csvAsJson = write("subs.jsonl", HEADER);
        assertThatThrownBy(() -> importAs(csvAsJson, ImportFormat.JSON_LINES)).hasMessageContaining("not JSON lines");

        Path semicolons = write("semi.csv", "customerName;customerEmail\nA;a@example.com\n");
        assertThatThrownBy(() -> run(semicolons, false, false, 500)).hasMessageContaining("not a field")
                .hasMessageContaining("separated by commas");

        Path readOnly = write("ro.csv", "id,updatedAt,customerName\nsub_1,2026-01-01,A\n");
        assertThatThrownBy(() -> run(readOnly, false, false, 500)).hasMessageContaining("updatedAt");

        Path empty = write("empty.csv", "\n\n");
        assertThatThrownBy(() -> run(empty, false, false, 500)).hasMessageContaining("empty");

        assertThat(target.commits).isEmpty();
    }

    @Test
    void aBrokenQuoteStopsTheReadingAndSaysSo() throws IOException {
        Path file = write("subs.csv", HEADER
                + ",,Ada,ada@example.com,plan_basic,active,19.99,EUR,monthly,,false,,\n"
                + ",,\"Bob,bob@example.com,plan_basic,active,19.99,EUR,monthly,,false,,\n");

        ImportReport report = run(file, false, false, 500);

        assertThat(report.count(RowResult.Status.CREATED)).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("not valid CSV").contains("rest of the file"));
    }

    private ImportReport run(Path file, boolean dryRun, boolean atomic, int batch) {
        return new Importer(target, ImportProgress.NONE).run(file,
                options(ImportFormat.fromFileName(file).orElseThrow(), dryRun, atomic, batch));
    }

    private ImportReport importAs(Path file, ImportFormat format) {
        return new Importer(target, ImportProgress.NONE).run(file, options(format, false, false, 500));
    }

    private static ImportOptions options(ImportFormat format, boolean dryRun, boolean atomic, int batch) {
        return new ImportOptions(EntityKind.SUBSCRIPTION, format, batch, dryRun, atomic);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Accepts rows with an email that has an @; a row with an id is an update. */
    private static final class RecordingTarget implements ImportTarget {
        final List<SourceRow.Data> rows = new ArrayList<>();
        final List<Commit> commits = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public List<RowResult> apply(EntityKind kind, List<SourceRow.Data> batch, Commit commit) {
            commits.add(commit);
            batchSizes.add(batch.size());
            List<RowResult> out = new ArrayList<>();
            for (SourceRow.Data r : batch) {
                rows.add(r);
                Object email = r.values().get("customerEmail");
                if (email instanceof String s && !s.contains("@")) {
                    out.add(RowResult.invalid(r.row(), r.id(), "customerEmail", "Customer email must be an email address"));
                } else if (r.id() != null) {
                    out.add(new RowResult(r.row(), RowResult.Status.UPDATED, r.id(), r.version() + 1, null, null));
                } else {
                    out.add(new RowResult(r.row(), RowResult.Status.CREATED, "sub_new" + rows.size(), 1L, null, null));
                }
            }
            return out;
        }
    }
}
