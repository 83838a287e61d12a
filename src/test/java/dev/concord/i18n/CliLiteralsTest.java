package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sibling of {@link UiLiteralsTest} for what the command line and the console's start print: no words in
 * the calls that print a line or make the message a person reads (a usage error, a refused file), and no help
 * text in the picocli annotations (they hold keys). The service's own programs (server, import, self-check,
 * bench probe) speak English to administrators and scripts, like the server, and are not scanned.
 */
class CliLiteralsTest {
    private static final Pattern PRINT_CALL = Pattern.compile("(?:(?<!LOG)\\.(?:println|print|printf|info|error)"
            + "|Optional\\.of|new (?:UsageException|Unreadable|IllegalArgumentException))\\(");
    /** Help texts: picocli annotations take keys here ({@code description = "cli.help.get"}). */
    private static final Pattern HELP_TEXT = Pattern.compile("\\b(?:description|footer|header)\\s*=\\s*\\{?\\s*(\"[^\"]*\")");
    private static final Pattern HELP_KEY = Pattern.compile("\"(?:cli\\.[\\w.]+)?\"");
    /**
     * Not language: printf formats ("%-18s"), options and the verbs an agent types ("--version", " resolve "),
     * and the "v" of a version ("v9"), the same in every language.
     */
    private static final Pattern SYMBOLS = Pattern.compile("%[-\\d]*[sdn]|--[a-z-]+|\\b(?:resolve|retry|delete|conflicts"
            + "|pending|merge-text)\\b|(?<!\\p{L})v(?!\\p{L})");
    private static final Pattern LITERAL_OF_FINDING = Pattern.compile(" \"(.*)\"$");
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java/dev/concord/cli"));
    /** What the console says before (or instead of) a window: bad options, no display, no demo server. */
    private static final List<Path> CONSOLE_START = List.of(Path.of("src/main/java/dev/concord/app/ConsoleCommand.java"),
            Path.of("src/main/java/dev/concord/app/ConsoleSetup.java"),
            Path.of("src/main/java/dev/concord/app/DesktopCheck.java"));

    @Test
    void theCommandLinePrintsOnlyWordsFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(CONSOLE_START);
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        for (Path file : files) {
            String source = Files.readString(file);
            List<String> printed = new ArrayList<>();
            UiLiteralsTest.scan(PRINT_CALL, file, source, printed);
            printed.stream().filter(CliLiteralsTest::hasWords).forEach(found::add);
            var help = HELP_TEXT.matcher(source);
            while (help.find()) {
                if (!HELP_KEY.matcher(help.group(1)).matches()) {
                    found.add(file + ": help text " + help.group(1));
                }
            }
        }
        assertThat(found).as("words printed without Localization.lang (put them in the bundles)").isEmpty();
    }

    private static boolean hasWords(String finding) {
        var literal = LITERAL_OF_FINDING.matcher(finding);
        return !literal.find() || SYMBOLS.matcher(literal.group(1)).replaceAll(" ").matches("(?s).*\\p{L}.*");
    }

    @Test
    void theScanFindsWhatItIsFor() {
        List<String> found = new ArrayList<>();
        UiLiteralsTest.scan(PRINT_CALL, Path.of("Example.java"), """
                printer.info("Saved " + n);
                printer.error(lang("cli.notSaved", reason));
                throw new UsageException("Unknown kind " + kind);
                out.println("  " + line);
                out.printf("  %-18s%n", name);
                out.println(lang("cli.saved", "v" + version));
                """, found);
        found.removeIf(f -> !hasWords(f));
        assertThat(found).hasSize(2).anyMatch(f -> f.contains("Saved ")).anyMatch(f -> f.contains("Unknown kind "));
    }
}
