package dev.concord.ui.inbox;

import dev.concord.wording.ReasonWords;
import dev.concord.ui.common.People;

import dev.concord.i18n.Localization;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import dev.concord.sync.PendingEdit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** The three lines an inbox entry shows: which record, which fields, and who/when. */
public record ConflictSummary(String record, String fields, String when) {
    /** Fields whose value names the record for a person better than its id does. */
    private static final List<String> NAME_FIELDS = List.of("customerName", "name", "number");

    public static ConflictSummary of(Conflict c) {
        List<String> labels = c.conflicts().stream().map(FieldConflict::field).map(f -> label(c.kind(), f)).toList();
        Entity theirs = c.theirs();
        return new ConflictSummary(record(c.kind(), c.entityId(), theirs.values()),
                lang("inbox.conflicting", Localization.andList(labels)),
                lang("inbox.changedBy", People.displayName(theirs.updatedBy()), Localization.dateTime(theirs.updatedAt()),
                        String.valueOf(theirs.version()), Localization.dateTime(c.createdAt())));
    }

    public static ConflictSummary of(PendingEdit p) {
        Set<String> changed = p.changedFields();
        List<String> labels = changed.stream().map(f -> label(p.kind(), f)).toList();
        return new ConflictSummary(record(p.kind(), p.entityId(), p.baseKnown() ? p.base().values() : p.mine()),
                lang("inbox.notSent", labels.isEmpty() ? lang("inbox.noChanges") : Localization.andList(labels)),
                p.lastError() == null ? lang("inbox.kept", Localization.dateTime(p.createdAt()))
                        : lang("inbox.keptWithError", Localization.dateTime(p.createdAt()), ReasonWords.of(p.lastError())));
    }

    private static String record(EntityKind kind, String id, FieldValues values) {
        String title = DomainWords.title(kind) + " " + id;
        for (String f : NAME_FIELDS) {
            if (kind.field(f).isPresent() && values.get(f) instanceof String name && !name.isBlank()) {
                return title + " · " + name;
            }
        }
        return title;
    }

    private static String label(EntityKind kind, String field) {
        return DomainWords.field(kind, field);
    }
}
