package dev.concord.merge;

import java.util.List;

/**
 * Numbers lines so that equal lines (byte for byte, terminator included) get equal numbers: xdiff's
 * equivalence classes (xdl_classify_record), in an open-addressing table of the lines' hashes, class numbers
 * and first occurrences. A {@code HashMap<String, Integer>} did the same with a node and a boxed number per
 * line, which cost about half of classifying a 30k-line text.
 */
final class LineTable {
    private String[] keys;
    private int[] hashes;
    /** Class number + 1 per slot; 0 is a free slot. */
    private int[] ids;
    private int size;

    /** A table for about {@code expectedLines} distinct lines (it grows if there are more). */
    LineTable(int expectedLines) {
        allocate(Integer.highestOneBit(Math.max(16, expectedLines) * 2 - 1) << 1);
    }

    LineTable() {
        this(16);
    }

    int[] classify(List<String> lines) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classOf(lines.get(i));
        }
        return out;
    }

    private int classOf(String line) {
        int h = line.hashCode();
        h ^= h >>> 16;
        int mask = ids.length - 1;
        int slot = h & mask;
        while (ids[slot] != 0) {
            if (hashes[slot] == h && keys[slot].equals(line)) {
                return ids[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        keys[slot] = line;
        hashes[slot] = h;
        ids[slot] = id + 1;
        if (size * 2 > ids.length) {
            grow();
        }
        return id;
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        hashes = new int[capacity];
        ids = new int[capacity];
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = ids;
        allocate(oldIds.length * 2);
        int mask = ids.length - 1;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (ids[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}
