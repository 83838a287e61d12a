package dev.concord.ui.live;

import dev.concord.i18n.Localization;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.ui.common.People;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words of the live banner: people and fields as an agent reads them. */
final class LiveWording {
    private LiveWording() {
    }

    /** "status and notes": field labels as inside a sentence, in the order given. */
    static String fields(EntityKind kind, Collection<String> fields) {
        return Localization.andList(fields.stream().map(f -> DomainWords.fieldInSentence(kind, f)).toList());
    }

    /** "Bob", "Bob and Carol", "Alice, Bob and Carol". */
    static String people(Collection<String> actors) {
        return Localization.andList(actors.stream().map(People::displayName).toList());
    }

    /** A value as the editor shows it, with "(empty)" for nothing so an arrow never points at blank. */
    static String value(EntityKind kind, String field, Object canonical) {
        String shown = kind.field(field).map(spec -> spec.type() == dev.concord.domain.FieldType.ENUM
                ? dev.concord.ui.common.Labels.ofWire((String) canonical) : spec.display(canonical))
                .orElse(String.valueOf(canonical));
        if (shown == null || shown.isBlank()) {
            return lang("conflict.empty");
        }
        String oneLine = shown.strip().replace('\n', ' ');
        // Both sides of the arrow must fit on one line of the editor pane; the History tab has the full text.
        return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
    }

    /**
     * "Bob changed status and notes 2 minutes ago": who, which fields and how long ago (on the server's
     * clock), the verb agreeing with the number of people where the language wants it.
     */
    static String moved(EntityKind kind, Collection<String> actors, Collection<String> fields, Instant at,
                        Instant serverNow) {
        return lang("live.changed", people(actors), actors.size(), fields(kind, fields),
                Localization.relative(at == null ? serverNow : at, serverNow));
    }

    /** "Rebased onto v9 with Bob's changes to status; your changes to notes are kept". */
    static String rebased(EntityKind kind, long version, Collection<String> actors, Collection<String> theirs,
                          Collection<String> kept) {
        String v = String.valueOf(version);
        return kept.isEmpty() ? lang("live.rebased", v, people(actors), fields(kind, theirs))
                : lang("live.rebasedKept", v, people(actors), fields(kind, theirs), fields(kind, kept));
    }

    /** "Cannot rebase: you and Bob both changed notes. ..." for a refused rebase. */
    static String refused(EntityKind kind, Collection<String> actors, Collection<String> fields) {
        return lang("live.refused", people(actors), fields(kind, fields));
    }

    /** "Status: active -> paused (Bob)", one per changed field (values only once the record is fetched). */
    static List<String> changes(EntityKind kind, Entity base, Entity current, Map<String, String> changedBy) {
        List<String> out = new ArrayList<>();
        changedBy.forEach((field, actor) -> {
            String name = DomainWords.field(kind, field);
            out.add(current == null ? lang("live.changeNoValues", name, people(List.of(actor)))
                    : lang("live.change", name, value(kind, field, base.values().get(field)),
                            value(kind, field, current.values().get(field)), people(List.of(actor))));
        });
        return out;
    }
}
