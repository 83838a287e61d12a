package dev.concord.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers lines so that equal lines (byte for byte, terminator included) get equal numbers. */
final class LineTable {
    private final Map<String, Integer> ids = new HashMap<>();

    int[] classify(List<String> lines) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(lines.get(i));
            if (id == null) {
                id = ids.size();
                ids.put(lines.get(i), id);
            }
            out[i] = id;
        }
        return out;
    }
}
