package dev.concord.ui.editor;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.sync.MergedChange;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.People;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-line messages an agent reads after pressing Save. */
final class SaveNotices {
    /** Why the edit was kept (server unreachable, or the record too busy) and where to retry it. */
    static String pending(dev.concord.sync.SaveOutcome.Pending p) {
        return "Not saved yet: " + p.reason() + " Your edit is kept; retry it from the Conflicts tab.";
    }

    private SaveNotices() {
    }

    /** "Saved (v8)" or "Saved, merged with Bob's change to notes (v9)". */
    static String saved(SaveOutcome.Saved saved) {
        String version = "(v" + saved.entity().version() + ")";
        if (saved.mergedFromOthers().isEmpty()) {
            return "Saved " + version;
        }
        Map<String, List<String>> fieldsByPerson = new LinkedHashMap<>();
        for (MergedChange change : saved.mergedFromOthers()) {
            List<String> fields = fieldsByPerson.computeIfAbsent(change.changedBy(), k -> new ArrayList<>());
            String label = fieldLabel(saved.entity().kind(), change.field());
            if (!fields.contains(label)) {
                fields.add(label);
            }
        }
        List<String> parts = new ArrayList<>();
        fieldsByPerson.forEach((person, fields) -> parts.add(People.displayName(person)
                + (fields.size() == 1 ? "'s change to " : "'s changes to ") + joinedAnd(fields)));
        return "Saved, merged with " + joinedAnd(parts) + " " + version;
    }

    static String needsResolution(SaveOutcome.NeedsResolution outcome) {
        String who = People.displayName(outcome.conflict().theirs().updatedBy());
        List<String> fields = outcome.conflict().conflicts().stream()
                .map(c -> fieldLabel(outcome.conflict().kind(), c.field())).toList();
        return who + " also changed " + joinedAnd(fields) + ": choose what to keep";
    }

    static String fieldLabel(EntityKind kind, String field) {
        return kind.field(field).map(FieldSpec::label).orElse(field).toLowerCase(Locale.ROOT);
    }

    private static String joinedAnd(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
