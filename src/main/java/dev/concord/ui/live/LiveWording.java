package dev.concord.ui.live;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.ui.common.People;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        String shown = kind.field(field).map(spec -> spec.type() == dev.concord.domain.FieldType.ENUM
                ? dev.concord.ui.common.Labels.ofWire((String) canonical) : spec.display(canonical))
                .orElse(String.valueOf(canonical));
        if (shown == null || shown.isBlank()) {
            return "(empty)";
        }
        String oneLine = shown.strip().replace('\n', ' ');
        // Both sides of the arrow must fit on one line of the editor pane; the History tab has the full text.
        return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
    }

    /** "Cannot rebase: you and Bob both changed notes. ..." for a refused rebase. */
    static String refused(EntityKind kind, Collection<String> actors, Collection<String> fields) {
        return "Cannot rebase: you and " + people(actors) + " both changed " + fields(kind, fields)
                + ". Your edits are kept; Save will let you choose what to keep.";
    }

    /** The tail of the overlap sentence when some of the agent's edits conflict with the others'. */
    static String conflicting(EntityKind kind, Collection<String> actors, Collection<String> fields) {
        return "; " + people(actors) + "'s change to " + fields(kind, fields)
                + " conflicts with yours: Save will ask which to keep.";
    }

    /** "Status: active -> paused (Bob)", one per changed field (values only once the record is fetched). */
    static List<String> changes(EntityKind kind, Entity base, Entity current, Map<String, String> changedBy) {
        List<String> out = new ArrayList<>();
        changedBy.forEach((field, actor) -> {
            String what = current == null ? ""
                    : ": " + value(kind, field, base.values().get(field)) + " \u2192 "
                            + value(kind, field, current.values().get(field));
            String name = field(kind, field);
            out.add((name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1)) + what
                    + " (" + people(List.of(actor)) + ")");
        });
        return out;
    }
}
