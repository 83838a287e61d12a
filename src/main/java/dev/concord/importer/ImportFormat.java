package dev.concord.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two file formats an import reads. */
public enum ImportFormat {
    /** Comma-separated, a header row of field names, RFC 4180 quoting. */
    CSV,
    /** One JSON object per line, field values as the API writes them. */
    JSON_LINES;

    /** The format a file name implies: .csv, or .jsonl / .ndjson / .json. */
    public static Optional<ImportFormat> fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }

    /** {@code csv} or {@code jsonl} (as given to --format). */
    public static Optional<ImportFormat> fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "ndjson", "json", "json-lines" -> Optional.of(JSON_LINES);
            default -> Optional.empty();
        };
    }
}
