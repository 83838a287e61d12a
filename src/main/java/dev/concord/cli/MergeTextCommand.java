package dev.concord.cli;

import dev.concord.merge.MergedText;
import dev.concord.merge.TextMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code merge-text MINE BASE THEIRS [-o OUT]}: the notes merge on three files, printed like
 * {@code git merge-file -p MINE BASE THEIRS} prints it (markers labelled with the file names as given), so
 * anyone can check a case by hand against git. No server involved.
 */
@Command(name = "merge-text", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Three-way merge of text files as the console merges notes: prints the merged text, with "
                + "git-style conflict markers where both sides changed the same lines differently.",
            "Same result as git merge-file -p MINE BASE THEIRS, except that lines both sides inserted at one "
                + "place are merged line by line (lines both added once, theirs first where they differ) "
                + "instead of conflicting."},
        footer = {"", "Exit code: the number of conflicts (0 = clean, capped at 127), as git merge-file; "
                + MergeTextCommand.ERROR + " when a file cannot be read or written, or the arguments are wrong."})
final class MergeTextCommand implements Callable<Integer> {
    /** Like git merge-file's -1: apart from every conflict count. */
    static final int ERROR = 255;
    private static final int MAX_CONFLICTS = 127;

    @Parameters(index = "0", paramLabel = "MINE", description = "Your version.")
    Path mine;

    @Parameters(index = "1", paramLabel = "BASE", description = "The version both started from.")
    Path base;

    @Parameters(index = "2", paramLabel = "THEIRS", description = "The other version.")
    Path theirs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the merge to OUT instead of printing it.")
    Path output;

    private final PrintWriter out;
    private final PrintWriter err;

    MergeTextCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            String mineText = read(mine, "MINE");
            String baseText = read(base, "BASE");
            String theirsText = read(theirs, "THEIRS");
            MergedText merged = TextMerge.withMarkers(baseText, mineText, theirsText, mine.toString(),
                    theirs.toString());
            if (output == null) {
                out.print(merged.text());
                out.flush();
            } else {
                write(merged.text());
            }
            return Math.min(merged.conflicts(), MAX_CONFLICTS);
        } catch (Unreadable e) {
            err.println("merge-text: " + e.getMessage());
            err.flush();
            return ERROR;
        }
    }

    private static String read(Path file, String role) {
        try {
            if (Files.isDirectory(file)) {
                throw new Unreadable("cannot read " + role + " " + file + ": it is a folder");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.indexOf('\0') >= 0) {
                throw new Unreadable("cannot merge " + role + " " + file + ": it is a binary file, not text");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new Unreadable("cannot read " + role + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot read " + role + " " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new Unreadable("cannot merge " + role + " " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + role + " " + file + ": " + e.getMessage());
        }
    }

    private void write(String text) {
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("cannot write " + output + ": its folder does not exist");
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot write " + output + ": permission denied");
        } catch (IOException e) {
            throw new Unreadable("cannot write " + output + ": " + e.getMessage());
        }
    }

    /** A file problem, said plainly; the command then exits with {@link #ERROR}. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
