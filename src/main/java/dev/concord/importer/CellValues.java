package dev.concord.importer;

import dev.concord.domain.FieldSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A CSV cell in the wire form the API takes for its field: lists (tags, features) as comma lists,
 * booleans as true/false (or yes/no), an empty cell as no value (an empty list, empty notes). Anything
 * else stays text, for the server to validate like any request.
 */
final class CellValues {
    private CellValues() {
    }

    static Object wire(FieldSpec spec, String cell) {
        String raw = cell == null ? "" : cell;
        return switch (spec.type()) {
            case TAG_SET, STRING_LIST -> raw.isBlank() ? List.of()
                    : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            case BOOLEAN -> switch (raw.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                case "" -> null;
                default -> raw;
            };
            case LONG_TEXT -> raw;
            default -> raw.isEmpty() ? null : raw;
        };
    }
}
