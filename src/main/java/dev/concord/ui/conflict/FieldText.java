package dev.concord.ui.conflict;

import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.InvalidFieldValueException;
import java.util.Arrays;
import java.util.List;

/** Turns a canonical field value into the text a person edits, and that text back through {@link FieldSpec#parse}. */
final class FieldText {
    private FieldText() {
    }

    static String show(FieldSpec spec, Object canonical) {
        if (canonical == null) {
            return "";
        }
        return spec.type() == FieldType.LONG_TEXT ? (String) canonical : spec.display(canonical);
    }

    /**
     * @throws InvalidFieldValueException with a message naming the field and the problem
     */
    static Object parse(FieldSpec spec, String text) {
        String raw = text == null ? "" : text;
        if (spec.type() != FieldType.LONG_TEXT && raw.isBlank() && !spec.required()) {
            return spec.parse(null);
        }
        return switch (spec.type()) {
            case BOOLEAN -> switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes" -> spec.parse(Boolean.TRUE);
                case "false", "no" -> spec.parse(Boolean.FALSE);
                default -> spec.parse(raw);
            };
            case TAG_SET, STRING_LIST -> spec.parse(items(raw));
            case TEXT, LONG_TEXT -> spec.parse(raw);
            default -> spec.parse(raw.trim());
        };
    }

    private static List<String> items(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
