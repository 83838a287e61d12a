package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.InvalidFieldValueException;
import dev.concord.i18n.DomainWords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code field=value} arguments into canonical field values, by each field's type: tags and lists
 * as comma lists, booleans as true/false, dates as yyyy-MM-dd, {@code @FILE} reads the value from a file,
 * an empty value clears an optional field.
 */
final class FieldAssignments {
    private FieldAssignments() {
    }

    static Map<String, Object> parse(EntityKind kind, List<String> assignments) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(lang("cli.error.assignment", assignment));
            }
            String name = assignment.substring(0, eq);
            FieldSpec spec = kind.field(name).orElseThrow(() -> new UsageException(lang("cli.error.noSuchField",
                    DomainWords.pluralInSentence(kind), name, String.join(", ", kind.fields().stream().map(FieldSpec::name).toList()))));
            if (out.containsKey(name)) {
                throw new UsageException(lang("cli.error.fieldTwice", name));
            }
            String raw = assignment.substring(eq + 1);
            if (raw.startsWith("@")) {
                raw = readFile(name, spec, raw.substring(1));
            }
            try {
                out.put(name, spec.parse(loose(spec, raw)));
            } catch (InvalidFieldValueException e) {
                throw new UsageException(name + ": " + DomainWords.invalid(e));
            }
        }
        return out;
    }

    private static Object loose(FieldSpec spec, String raw) {
        if (raw.isEmpty() && !spec.required()) {
            return null;
        }
        if (spec.type() == FieldType.BOOLEAN) {
            return switch (raw.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> raw;
            };
        }
        if (spec.type() == FieldType.TAG_SET || spec.type() == FieldType.STRING_LIST) {
            List<String> items = new ArrayList<>();
            Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
            return items;
        }
        return raw;
    }

    private static String readFile(String name, FieldSpec spec, String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            // Files end with a newline by convention; a one-line field must not inherit it.
            if (spec.type() != FieldType.LONG_TEXT && text.endsWith("\n")) {
                text = text.stripTrailing();
            }
            return text;
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw new UsageException(lang("cli.error.valueFile", name, file));
        }
    }
}
