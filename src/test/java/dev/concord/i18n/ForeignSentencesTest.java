package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sibling of {@link UiLiteralsTest} for sentences that are not literals: the English the layers below
 * write for their logs must not reach an agent. Sync's reasons, a sign-in's failure, a server's field error
 * and any exception's message are worded from their codes (dev.concord.wording, Problems); this scan of the
 * console's and the command line's sources finds them passed on as they are.
 */
class ForeignSentencesTest {
    /** Sentences from below: an exception's message, sync's reasons (English detail), the server's field message. */
    private static final Pattern FOREIGN = Pattern.compile(
            "\\.(?:getMessage|getLocalizedMessage|detail|lastError|reason|message)\\(\\)");
    /** Where they are worded or only logged. */
    private static final Pattern WORDED = Pattern.compile("ReasonWords\\.|HistoryWords\\.|SignInWords\\.|Problems\\."
            + "|\\bLOG\\.|\\.(?:reason|lastError)\\(\\)\\s*(?:==|!=)|\\.reason\\(\\)\\.code\\(\\)");
    /**
     * Messages that are already the agent's words: exceptions this code made from the bundles (a usage error, a
     * refused file, a failure the Connect screen shows as worded).
     */
    private static final Set<String> ALLOWED = Set.of(
            "cli/CliMain.java: printer.error(ex.getMessage());",
            "cli/Credentials.java: throw new UsageException(e.getMessage());",
            "cli/MergeTextCommand.java: err.println(e.getMessage());",
            "ui/connect/ConnectViewModel.java: return worded.getMessage();",
            "ui/editor/NewRecordSaver.java: null, lost.detail()));",
            "ui/editor/NewRecordSaver.java: Reason lost = u.reason();",
            "ui/editor/NewRecordSaver.java: return new SaveOutcome.Failed(r.reason(), r.fieldErrors());");
    private static final Path ROOT = Path.of("src/main/java/dev/concord");

    @Test
    void noSentenceFromBelowReachesAnAgentUnworded() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("ui", "cli")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scan(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file), found);
                }
            }
        }
        assertThat(found).as("English from sync, auth, the client or Java shown as it is (word it from its code)")
                .isEmpty();
    }

    @Test
    void theScanFindsWhatItIsFor() {
        List<String> found = new ArrayList<>();
        scan("ui/Example.java", """
                message.set(lang("conflict.pending", p.reason()));
                notice.set(lang("save.pending", ReasonWords.of(p.reason())));
                m.showServerError(e.message());
                LOG.warn("failed: {}", e.getMessage());
                label.setText(cause.getMessage());
                if (p.lastError() == null) {
                """, found);
        assertThat(found).hasSize(3).anyMatch(f -> f.contains("p.reason()")).anyMatch(f -> f.contains("e.message()"))
                .anyMatch(f -> f.contains("cause.getMessage()"));
    }

    private static void scan(String file, String source, List<String> found) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                continue;
            }
            // A method of ours named so (LiveBannerViewModel#getMessage) is a definition, not a use.
            if (FOREIGN.matcher(line).find() && !WORDED.matcher(line).find() && !line.startsWith("public ")
                    && !ALLOWED.contains(file + ": " + line)) {
                found.add(file + ":" + (i + 1) + " " + line);
            }
        }
    }
}
