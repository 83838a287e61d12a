package dev.concord.importer;

/** Told after every batch, so a long import can show a progress line. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (rows, lines, problems) -> { };

    /**
     * @param rowsDone rows handled so far
     * @param fileLines lines in the file (rows are about this many, less the header and blank lines)
     * @param problems  conflicts and invalid rows so far
     */
    void update(int rowsDone, long fileLines, int problems);
}
