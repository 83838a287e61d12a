package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.ListQuery;
import dev.concord.client.Page;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code list KIND}: one page of records, one line each, found the way the console's list finds them (text
 * search, status), for an agent who knows a customer's name but not the record's id, and for scripts.
 */
@Command(name = "list", aliases = "search", mixinStandardHelpOptions = true, description = "cli.help.list")
final class RecordList implements Callable<Integer> {
    /** The server's page size bounds (docs/api.md), checked here so a mistake is worded before anything is sent. */
    static final int MAX_LIMIT = 200;
    /** Columns after id and version: a record's short fields in the order the editor shows them. */
    private static final int FIELDS = 6;
    private static final int WIDEST = 30;
    private static final Set<FieldType> NOT_IN_A_LINE =
            Set.of(FieldType.LONG_TEXT, FieldType.TAG_SET, FieldType.STRING_LIST, FieldType.BOOLEAN);

    @ParentCommand
    ConcordCli cli;

    @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "cli.param.kind")
    String kind;

    @Option(names = {"--search", "-q"}, paramLabel = "TEXT", descriptionKey = "cli.opt.search")
    String search;

    @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "cli.opt.status")
    String status;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "cli.opt.limit")
    Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR", descriptionKey = "cli.opt.after")
    String after;

    @Override
    public Integer call() {
        EntityKind k = Target.kind(kind);
        checkStatus(k);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new UsageException(lang("cli.error.limit", String.valueOf(limit), String.valueOf(MAX_LIMIT)));
        }
        Page page = cli.services().api().list(k, new ListQuery(blankToNull(search), status, limit, blankToNull(after)));
        Printer printer = cli.printer();
        if (page.items().isEmpty()) {
            printer.info(lang("cli.list.none", k.path()));
            return ExitCode.OK;
        }
        for (String line : lines(k, page.items())) {
            printer.info(line);
        }
        if (page.nextCursor() != null) {
            printer.info(lang("cli.list.more", page.nextCursor()));
        }
        return ExitCode.OK;
    }

    private void checkStatus(EntityKind k) {
        if (status == null) {
            return;
        }
        FieldSpec field = k.field("status").orElseThrow(() -> new UsageException(lang("cli.error.noStatus", k.path())));
        if (!field.allowedValues().contains(status)) {
            throw new UsageException(lang("cli.error.badStatus", status, String.join(", ", field.allowedValues())));
        }
    }

    /** A header and one line per record, each column as wide as its widest value (up to {@link #WIDEST}). */
    static List<String> lines(EntityKind kind, List<Entity> records) {
        List<FieldSpec> fields = kind.fields().stream().filter(f -> !NOT_IN_A_LINE.contains(f.type())).limit(FIELDS)
                .toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("id", "version"));
        fields.forEach(f -> header.add(f.name()));
        rows.add(header);
        for (Entity e : records) {
            List<String> row = new ArrayList<>(List.of(e.id(), "v" + e.version()));
            fields.forEach(f -> row.add(cell(f.display(e.values().get(f.name())))));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** One line, at most {@link #WIDEST} characters: a longer value ends in an ellipsis. */
    private static String cell(String value) {
        String flat = value.replaceAll("\\s+", " ").strip();
        return flat.length() <= WIDEST ? flat : flat.substring(0, WIDEST - 1) + "\u2026";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
