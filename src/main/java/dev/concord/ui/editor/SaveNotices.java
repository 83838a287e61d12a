package dev.concord.ui.editor;

import dev.concord.wording.ReasonWords;
import dev.concord.i18n.Localization;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

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
        return lang("save.pending", ReasonWords.of(p.reason()));
    }

    private SaveNotices() {
    }

    /** "Saved (v8)" or "Saved, merged with Bob's change to notes (v9)". */
    static String saved(SaveOutcome.Saved saved) {
        String version = String.valueOf(saved.entity().version());
        if (saved.mergedFromOthers().isEmpty()) {
            return lang("save.saved", version);
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
        fieldsByPerson.forEach((person, fields) -> parts.add(fields.size() == 1
                ? lang("save.personChange", People.displayName(person), Localization.andList(fields))
                : lang("save.personChanges", People.displayName(person), Localization.andList(fields))));
        return lang("save.mergedWith", Localization.andList(parts), version);
    }

    static String needsResolution(SaveOutcome.NeedsResolution outcome) {
        String who = People.displayName(outcome.conflict().theirs().updatedBy());
        List<String> fields = outcome.conflict().conflicts().stream()
                .map(c -> fieldLabel(outcome.conflict().kind(), c.field())).toList();
        return lang("save.needsResolution", who, Localization.andList(fields));
    }

    static String fieldLabel(EntityKind kind, String field) {
        return DomainWords.fieldInSentence(kind, field);
    }
}
