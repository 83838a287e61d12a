package dev.concord.bench;

/**
 * Three versions of a long note for the merge benchmarks: a base of {@code lines} lines, "mine" and
 * "theirs" each with {@link #EDITS_PER_SIDE} edits spread through the text and far apart from the other
 * side's (mine rewrites a line; theirs rewrites a line and adds one after it), so the merge is clean.
 */
record NotesCorpus(int lines, String base, String mine, String theirs) {
    static final int EDITS_PER_SIDE = 10;

    static NotesCorpus of(int lines) {
        StringBuilder base = new StringBuilder();
        StringBuilder mine = new StringBuilder();
        StringBuilder theirs = new StringBuilder();
        int stride = lines / EDITS_PER_SIDE;
        for (int i = 0; i < lines; i++) {
            String line = "2026-11-" + (1 + i % 28) + " call " + i + ": customer asked about invoice "
                    + (i * 7919 % 100_000) + ", agent explained the billing cycle\n";
            base.append(line);
            // Mine edits a quarter of the way into each stride, theirs three quarters: never touching.
            mine.append(i % stride == stride / 4 ? "EDITED BY MINE " + line : line);
            if (i % stride == 3 * stride / 4) {
                theirs.append("EDITED BY THEIRS ").append(line).append("follow-up by theirs after call ")
                        .append(i).append('\n');
            } else {
                theirs.append(line);
            }
        }
        return new NotesCorpus(lines, base.toString(), mine.toString(), theirs.toString());
    }
}
