package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.testing.InLanguage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file that cannot be used is named with what is wrong with it, in the agent's language, and never
 * with Java's message (which may be in the machine's language or name a class).
 */
@InLanguage("de")
class TokenInputTest {
    private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);
    @TempDir
    Path dir;

    private static String refusal(Path file) {
        try {
            TokenInput.given(null, file, Map.of(), NO_STDIN);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + file);
    }

    @Test
    void aMissingFileAFolderAnEmptyFileAndNonTextAreEachNamed() throws Exception {
        Path missing = dir.resolve("fehlt.token");
        assertThat(refusal(missing)).isEqualTo("Aus " + missing + " lässt sich kein Token lesen: Diese Datei gibt es nicht");
        assertThat(refusal(dir)).isEqualTo("Aus " + dir + " lässt sich kein Token lesen: Es ist ein Ordner, keine Datei");
        Path empty = Files.writeString(dir.resolve("leer"), "\n\n");
        assertThat(refusal(empty)).isEqualTo("Kein Token in " + empty + ": leer");
        Path binary = Files.write(dir.resolve("binär"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertThat(refusal(binary)).isEqualTo("Aus " + binary + " lässt sich kein Token lesen: Die Datei ist kein UTF-8-Text");
        for (Path p : new Path[] {missing, dir, empty, binary}) {
            assertThat(refusal(p)).doesNotContain("Exception").doesNotContain("java.");
        }
    }

    @Test
    void aGoodFileGivesItsFirstLine() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "  t0ken \nsecond line\n");
        assertThat(TokenInput.given(null, file, Map.of(), NO_STDIN)).hasValueSatisfying(g -> {
            assertThat(g.token()).isEqualTo("t0ken");
            assertThat(g.source()).isEqualTo(TokenInput.Source.FILE);
        });
        assertThatThrownBy(() -> TokenInput.given(null, dir.resolve("x"), Map.of(), NO_STDIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
