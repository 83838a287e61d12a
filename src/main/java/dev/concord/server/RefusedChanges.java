package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.concord.api.FieldChange;
import dev.concord.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused writes are logged, but a refusal must not let anyone grow a record's history without bound
 * (ten refused 500 KB notes made a 4.9 MB history): a refused field whose values together exceed
 * {@value #MAX_KEPT_CHARS} characters of JSON is logged by name and sizes only.
 */
final class RefusedChanges {
    static final int MAX_KEPT_CHARS = 1024;

    private RefusedChanges() {
    }

    static List<FieldChange> bounded(List<FieldChange> refused) {
        List<FieldChange> out = new ArrayList<>(refused.size());
        for (FieldChange fc : refused) {
            int from = size(fc.from());
            int to = size(fc.to());
            if (from + to <= MAX_KEPT_CHARS) {
                out.add(fc);
            } else {
                Map<String, Integer> sizes = new LinkedHashMap<>();
                sizes.put("from", from);
                sizes.put("to", to);
                out.add(new FieldChange(fc.field(), null, null, null, sizes));
            }
        }
        return out;
    }

    private static int size(Object wire) {
        try {
            return Json.mapper().writeValueAsString(wire).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wire values always serialise", e);
        }
    }
}
