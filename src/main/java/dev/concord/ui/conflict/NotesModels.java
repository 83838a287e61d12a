package dev.concord.ui.conflict;

import dev.concord.domain.FieldType;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notes merges of a conflict, built before its rows are filled: a text merge can take a while on long
 * or reordered notes, so the dialog builds these off the FX thread and hands them to its rows.
 */
final class NotesModels {
    private NotesModels() {
    }

    /** One model per conflicting long-text field, by field name. */
    static Map<String, TextMergeModel> of(Conflict c) {
        Map<String, TextMergeModel> out = new LinkedHashMap<>();
        FieldValues base = c.base().values();
        for (FieldConflict fc : c.conflicts()) {
            String f = fc.field();
            if (c.kind().field(f).map(spec -> spec.type() == FieldType.LONG_TEXT).orElse(false)) {
                Object mine = c.mine().has(f) ? c.mine().get(f) : base.get(f);
                out.put(f, new TextMergeModel(text(base.get(f)), text(mine), text(c.theirs().values().get(f))));
            }
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
