package dev.concord.ui.live;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.ui.common.People;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The words of the live banner: people and fields as an agent reads them. */
final class LiveWording {
    private LiveWording() {
    }

    /** "status, notes": field labels in lower case, in the order given. */
    static String fields(EntityKind kind, Collection<String> fields) {
        return String.join(", ", fields.stream().map(f -> field(kind, f)).toList());
    }

    static String field(EntityKind kind, String field) {
        return kind.field(field).map(FieldSpec::label).orElse(field).toLowerCase(Locale.ROOT);
    }

    /** "Bob", "Bob and Carol", "Alice, Bob and Carol". */
    static String people(Collection<String> actors) {
        List<String> names = actors.stream().map(People::displayName).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A value as the editor shows it, with "(empty)" for nothing so an arrow never points at blank. */
    static String value(EntityKind kind, String field, Object canonical) {
        String shown = kind.field(field).map(spec -> spec.display(canonical)).orElse(String.valueOf(canonical));
        if (shown == null || shown.isBlank()) {
            return "(empty)";
        }
        String oneLine = shown.strip().replace('\n', ' ');
        // Both sides of the arrow must fit on one line of the editor pane; the History tab has the full text.
        return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
    }

    /**
     * "Status: active → paused (Bob)", one line per changed field, in the order the changes arrived; the
     * values are shown once the record as the server has it now ({@code current}) is known.
     */
    static List<String> changeLines(EntityKind kind, java.util.Map<String, String> changedBy,
                                    dev.concord.domain.Entity base, dev.concord.domain.Entity current) {
        List<String> lines = new java.util.ArrayList<>();
        changedBy.forEach((field, actor) -> {
            String what = current == null ? ""
                    : ": " + value(kind, field, base.values().get(field)) + " \u2192 "
                            + value(kind, field, current.values().get(field));
            lines.add(capitalized(field(kind, field)) + what + " (" + people(List.of(actor)) + ")");
        });
        return lines;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
