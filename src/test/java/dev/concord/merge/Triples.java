package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated three-way merges that look like notes: a small vocabulary so lines repeat and blank lines are
 * common, CRLF now and then, missing final newlines, unicode, whitespace-only edits, moved blocks, and
 * sides that partly make the same edits.
 */
final class Triples {
    private static final String[] WORDS = {"", "", "- call back", "- call back", "refund", "Note 1", "Note 2",
        "a", "b", "c", "  indented", "\tTabbed", "}", "#", "---", "Grüße aus Köln ✓", "日本語のメモ", "é",
        "Customer asked about the invoice", "Escalated to billing", "  ", "x y z"};

    record Triple(String base, String mine, String theirs) {
    }

    private Triples() {
    }

    static Triple next(Random random) {
        if (random.nextInt(40) == 0) {
            return large(random);
        }
        List<String> base = random.nextInt(20) == 0 ? new ArrayList<>() : lines(random, 1 + random.nextInt(24));
        List<String> mine = edit(random, base, "mine");
        List<String> theirs;
        int how = random.nextInt(4);
        if (how == 0) {
            // Theirs starts from mine's edit and changes some of it back or further: shared and overlapping edits.
            theirs = edit(random, mine, "theirs");
        } else if (how == 1 && base.isEmpty()) {
            theirs = edit(random, mine, "theirs");
        } else {
            theirs = edit(random, base, "theirs");
        }
        String eol = random.nextInt(6) == 0 ? "\r\n" : "\n";
        return new Triple(render(base, eol, random), render(mine, eol, random), render(theirs, eol, random));
    }

    /**
     * A long text rewritten heavily or reordered: enough differences that xdiff's cost limit and its
     * heuristics (discarded lines, snake sampling, furthest-reaching split) decide the diff.
     */
    static Triple large(Random random) {
        List<String> base = lines(random, 300 + random.nextInt(1200));
        List<String> mine = new ArrayList<>(base);
        List<String> theirs = new ArrayList<>(base);
        for (List<String> side : List.of(mine, theirs)) {
            switch (random.nextInt(3)) {
                case 0 -> java.util.Collections.shuffle(side, random);
                case 1 -> {
                    // Blocks moved around.
                    for (int i = 0; i < 20; i++) {
                        int at = random.nextInt(side.size());
                        int len = Math.min(side.size() - at, 1 + random.nextInt(40));
                        List<String> block = new ArrayList<>(side.subList(at, at + len));
                        side.subList(at, at + len).clear();
                        side.addAll(random.nextInt(side.size() + 1), block);
                    }
                }
                default -> {
                    for (int i = 0; i < side.size(); i++) {
                        if (random.nextInt(3) == 0) {
                            side.set(i, WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(9));
                        }
                    }
                }
            }
        }
        return new Triple(String.join("\n", base) + "\n", String.join("\n", mine) + "\n",
                String.join("\n", theirs) + "\n");
    }

    private static List<String> lines(Random random, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(random.nextInt(3) == 0 ? "line " + random.nextInt(60) : WORDS[random.nextInt(WORDS.length)]);
        }
        return out;
    }

    private static List<String> edit(Random random, List<String> from, String tag) {
        List<String> out = new ArrayList<>(from);
        int edits = random.nextInt(5);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.size() + 1);
            int len = Math.min(out.size() - at, 1 + random.nextInt(3));
            switch (random.nextInt(7)) {
                case 0 -> out.addAll(at, lines(random, 1 + random.nextInt(3)));
                case 1 -> out.add(at, tag + " " + random.nextInt(5));
                case 2 -> out.subList(at, at + len).clear();
                case 3 -> {
                    if (at < out.size()) {
                        out.set(at, random.nextBoolean() ? out.get(at) + " " : "  " + out.get(at).strip());
                    }
                }
                case 4 -> {
                    // Move a block somewhere else.
                    List<String> block = new ArrayList<>(out.subList(at, at + len));
                    out.subList(at, at + len).clear();
                    out.addAll(random.nextInt(out.size() + 1), block);
                }
                case 5 -> {
                    if (at < out.size()) {
                        out.add(at, out.get(at));
                    }
                }
                default -> {
                    if (at < out.size()) {
                        out.set(at, tag + " changed " + out.get(at));
                    }
                }
            }
        }
        return out;
    }

    private static String render(List<String> lines, String eol, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i));
            if (i < lines.size() - 1 || random.nextInt(5) > 0) {
                out.append(eol);
            }
        }
        return out.toString();
    }
}
