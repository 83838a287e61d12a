package dev.concord.ui.editor;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The empty record behind File > New: version 0 and the placeholder id {@value #DRAFT_ID}, which no real
 * record can have (created ids always hold an underscore). Fields that may be empty start empty; the
 * others start blank and are marked until the agent fills them.
 */
public final class NewRecords {
    public static final String DRAFT_ID = "new";

    private NewRecords() {
    }

    public static Entity draft(EntityKind kind) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec f : kind.fields()) {
            values.put(f.name(), switch (f.type()) {
                case TAG_SET -> Set.of();
                case STRING_LIST -> List.of();
                case LONG_TEXT -> "";
                case BOOLEAN -> Boolean.FALSE;
                default -> null;
            });
        }
        return kind.create(new RecordMeta(DRAFT_ID, 0, null, null, null), FieldValues.of(values));
    }

    public static boolean isDraft(Entity e) {
        return e.version() == 0 && DRAFT_ID.equals(e.id());
    }
}
