package dev.concord.merge;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Random canonical records and texts for the merge property tests, reproducible from a seed. */
final class Generated {
    private Generated() {
    }

    /** A text of up to {@code maxLines} lines from a small alphabet, so lines repeat and blank lines occur. */
    static String text(Random random, int maxLines) {
        String[] words = {"", "a", "b", "c", "call back", "refund", "a b", "  indented"};
        StringBuilder out = new StringBuilder();
        int lines = random.nextInt(maxLines + 1);
        for (int i = 0; i < lines; i++) {
            out.append(words[random.nextInt(words.length)]);
            if (i < lines - 1 || random.nextInt(4) > 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A small edit of {@code text}: some lines replaced, deleted or inserted, maybe the final newline toggled. */
    static String edit(Random random, String text, String tag) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(lines.size() + 1);
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, tag + i);
                case 1 -> {
                    if (at < lines.size()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (at < lines.size()) {
                        lines.set(at, tag + i + " " + lines.get(at));
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    static FieldValues record(EntityKind kind, Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec spec : kind.fields()) {
            values.put(spec.name(), value(spec, random));
        }
        return FieldValues.of(values);
    }

    /** {@code record} with each field replaced by a fresh value with probability {@code p}. */
    static FieldValues change(EntityKind kind, FieldValues record, Random random, double p) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FieldSpec spec : kind.fields()) {
            if (random.nextDouble() < p) {
                changes.put(spec.name(), value(spec, random));
            }
        }
        return record.withAll(changes);
    }

    static Object value(FieldSpec spec, Random random) {
        int pick = random.nextInt(4);
        return switch (spec.type()) {
            case TEXT -> "name " + pick;
            case LONG_TEXT -> text(random, 6);
            case EMAIL -> "user" + pick + "@example.com";
            case ENUM -> spec.allowedValues().get(random.nextInt(spec.allowedValues().size()));
            case MONEY -> new BigDecimal(pick * 5 + "." + random.nextInt(10) + "9");
            case CURRENCY -> List.of("EUR", "USD", "GBP", "CHF").get(pick);
            case DATE -> LocalDate.of(2026, 1 + pick, 1);
            case BOOLEAN -> random.nextBoolean();
            case TAG_SET -> {
                Set<String> tags = new TreeSet<>();
                for (String t : List.of("vip", "eu", "trial", "late")) {
                    if (random.nextBoolean()) {
                        tags.add(t);
                    }
                }
                yield Collections.unmodifiableSet(tags);
            }
            case STRING_LIST -> List.of("feature " + pick);
            case REFERENCE -> "plan_" + pick;
        };
    }
}
