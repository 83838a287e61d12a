package dev.concord.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The merge engine's worst cases (issue 10), from a fixed seed: {@code reorder30k}, 30,000 lines that mine
 * shuffles and theirs reverses (every diff, and the refinement of the one big conflict, is a worst case for
 * Myers); {@code edited100k}, 100,000 lines of which each side edits 5% (rewrites, deletes, inserts) at
 * random places, so edits also overlap and conflict. Mine edits at even lines and theirs at odd ones, so the
 * two never insert at the same place, where we merge the insertions and git reports a conflict: both
 * tools then print the same text, which the bench checks.
 */
record WorstCaseNotes(String shape, String base, String mine, String theirs) {
    static final String REORDER_30K = "reorder30k";
    static final String EDITED_100K = "edited100k";

    static WorstCaseNotes of(String shape) {
        Random random = new Random(10);
        return switch (shape) {
            case REORDER_30K -> {
                List<String> base = lines(30_000, random);
                List<String> mine = new ArrayList<>(base);
                Collections.shuffle(mine, random);
                List<String> theirs = new ArrayList<>(base);
                Collections.reverse(theirs);
                yield new WorstCaseNotes(shape, join(base), join(mine), join(theirs));
            }
            case EDITED_100K -> {
                List<String> base = lines(100_000, random);
                yield new WorstCaseNotes(shape, join(base), join(edit(base, random, "mine", 0)),
                        join(edit(base, random, "theirs", 1)));
            }
            default -> throw new IllegalArgumentException("Unknown worst case " + shape);
        };
    }

    private static List<String> lines(int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("2026-11-" + (1 + i % 28) + " call " + i + ": customer asked about invoice "
                    + random.nextInt(100_000) + "\n");
        }
        return out;
    }

    /**
     * About 5% of the lines edited (those of the given parity): a third rewritten, a third deleted, a third
     * with a line added after.
     */
    private static List<String> edit(List<String> base, Random random, String side, int parity) {
        List<String> out = new ArrayList<>(base.size() + base.size() / 50);
        for (int i = 0; i < base.size(); i++) {
            String line = base.get(i);
            switch (i % 2 == parity ? random.nextInt(30) : -1) {
                case 0 -> out.add(side + " rewrote: " + line);
                case 1 -> { } // deleted
                case 2 -> {
                    out.add(line);
                    out.add(side + " added a follow-up " + random.nextInt(1000) + "\n");
                }
                default -> out.add(line);
            }
        }
        return out;
    }

    private static String join(List<String> lines) {
        return String.join("", lines);
    }
}
