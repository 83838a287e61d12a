package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview's lines are the lines a text area shows: the same as splitting at every newline. */
class TextLinesTest {
    @Test
    void linesAreThoseOfSplittingAtEveryNewline() {
        for (String text : List.of("", "one", "one\n", "\n", "a\nb\nc", "a\n\nb\n", "\n\n")) {
            assertThat(new TextLines(text)).as(text).containsExactly(text.split("\n", -1));
            assertThat(TextLines.count(text)).as(text).isEqualTo(text.split("\n", -1).length);
        }
    }

    @Test
    void noTextIsOneEmptyLine() {
        assertThat(new TextLines(null)).containsExactly("");
        assertThat(TextLines.count(null)).isEqualTo(1);
    }
}
