package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

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
        description = {"cli.help.mergeText", "cli.help.mergeText.git"}, footer = {"", "cli.help.mergeText.footer"})
final class MergeTextCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MergeTextCommand.class);
    /** Like git merge-file's -1: apart from every conflict count. */
    static final int ERROR = 255;
    private static final int MAX_CONFLICTS = 127;

    @Parameters(index = "0", paramLabel = "MINE", descriptionKey = "cli.param.mine")
    Path mine;

    @Parameters(index = "1", paramLabel = "BASE", descriptionKey = "cli.param.base")
    Path base;

    @Parameters(index = "2", paramLabel = "THEIRS", descriptionKey = "cli.param.theirs")
    Path theirs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", descriptionKey = "cli.opt.output")
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
            err.println(e.getMessage());
            err.flush();
            return ERROR;
        }
    }

    private static String read(Path file, String role) {
        try {
            if (Files.isDirectory(file)) {
                throw new Unreadable(lang("cli.merge.folder", role, file));
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.indexOf('\0') >= 0) {
                throw new Unreadable(lang("cli.merge.binary", role, file));
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new Unreadable(lang("cli.merge.noFile", role, file));
        } catch (AccessDeniedException e) {
            throw new Unreadable(lang("cli.merge.cannotReadDenied", role, file));
        } catch (CharacterCodingException e) {
            throw new Unreadable(lang("cli.merge.notUtf8", role, file));
        } catch (IOException e) {
            LOG.debug("cannot read {}", file, e);
            throw new Unreadable(lang("cli.merge.cannotRead", role, file));
        }
    }

    private void write(String text) {
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable(lang("cli.merge.noFolder", output));
        } catch (AccessDeniedException e) {
            throw new Unreadable(lang("cli.merge.cannotWriteDenied", output));
        } catch (IOException e) {
            LOG.debug("cannot write {}", output, e);
            throw new Unreadable(lang("cli.merge.cannotWrite", output));
        }
    }

    /** A file problem, said plainly; the command then exits with {@link #ERROR}. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
