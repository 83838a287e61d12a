package dev.concord.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers lines so that equal lines (byte for byte, terminator included) get equal numbers. */
final class LineTable {
    private final Map<String, Integer> ids;

    /** A table for about {@code expectedLines} distinct lines (sized so it never grows). */
    LineTable(int expectedLines) {
        ids = new HashMap<>(Math.max(16, expectedLines * 4 / 3 + 1));
    }

    LineTable() {
        this(16);
    }

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
