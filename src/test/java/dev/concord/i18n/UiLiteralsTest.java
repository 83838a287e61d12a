package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words reach a control except through the bundles: a scan of the console's sources (ui and app) for
 * string literals with a letter in them inside the calls that put text on screen. Keys inside
 * {@code lang(...)} are not text; symbols ("×", "·") have no letters; the allow-list is for the rest.
 */
class UiLiteralsTest {
    /** Calls whose arguments an agent reads (or a screen reader reads out). */
    private static final Pattern TEXT_CALL = Pattern.compile("(?:\\.(?:setText|setTitle|setHeaderText|setContentText"
            + "|setPromptText|setAccessibleText|setAccessibleHelp|setPlaceholder|then|otherwise|asString)"
            + "|new (?:Label|Button|ToggleButton|CheckBox|RadioButton|Hyperlink|Tab|Menu|MenuItem|CheckMenuItem"
            + "|RadioMenuItem|Tooltip|TitledPane|TableColumn(?:<[^>]*>)?|ButtonType|Alert|Text|TextArea))\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Escapes ("\\n", "\\u00d7") are not words. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u[0-9a-fA-F]{4}|.)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Literals that are not language: an example URL is the same in every language. */
    private static final Set<String> ALLOWED = Set.of("https://concord.example.com");
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java/dev/concord/ui"),
            Path.of("src/main/java/dev/concord/app"));

    @Test
    void noLiteralWordsArePassedToAControl() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scan(file, Files.readString(file), found);
                }
            }
        }
        assertThat(found).as("words passed to controls without Localization.lang (put them in the bundles)").isEmpty();
    }

    @Test
    void theScanFindsWhatItIsFor() {
        List<String> found = new ArrayList<>();
        scan(Path.of("Example.java"), """
                label.setText("Saved " + n);
                new Button(lang("editor.save"));
                new Tooltip("\\u00d7");
                b.setTooltip(new Tooltip("Remove " + tag));
                """, found);
        assertThat(found).hasSize(2).anyMatch(f -> f.contains("Saved ")).anyMatch(f -> f.contains("Remove "));
    }

    static void scan(Path file, String source, List<String> found) {
        scan(TEXT_CALL, file, source, found);
    }

    /** Literals with letters in the arguments of the calls {@code calls} finds (the allow-list and keys aside). */
    static void scan(Pattern calls, Path file, String source, List<String> found) {
        Matcher call = calls.matcher(source);
        while (call.find()) {
            String args = arguments(source, call.end());
            Matcher literal = LITERAL.matcher(args);
            while (literal.find()) {
                if (!LETTER.matcher(ESCAPE.matcher(literal.group(1)).replaceAll(" ")).find()) {
                    continue;
                }
                String before = args.substring(0, literal.start());
                boolean isKey = before.endsWith("lang(") || before.matches("(?s).*\\blang\\(\\s*$");
                if (!isKey && !ALLOWED.contains(literal.group(1))) {
                    int line = source.substring(0, call.start()).split("\n", -1).length;
                    found.add(file + ":" + line + " \"" + literal.group(1) + "\"");
                }
            }
        }
    }

    /** The text of a call's arguments up to its closing parenthesis (strings and nested calls skipped over). */
    private static String arguments(String source, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(from, i);
            }
        }
        return source.substring(from);
    }
}
