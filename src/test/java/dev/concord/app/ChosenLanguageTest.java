package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.i18n.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line speaks the language chosen in the console's View -> Language, else the system's. */
class ChosenLanguageTest {
    @TempDir
    Path home;

    @Test
    void withoutAChoiceTheSystemLocaleCounts() {
        ChosenLanguage.Choice c = ChosenLanguage.of(home, Map.of("LANG", "fr_FR.UTF-8"));
        assertThat(c.chosen()).isNull();
        assertThat(c.system()).isEqualTo(Locale.FRANCE);
    }

    @Test
    void theConsolesChoiceWins() throws IOException {
        new SettingsFile(home.resolve("console.json")).save(ConsoleSettings.none().withLanguage("de"));
        ChosenLanguage.Choice c = ChosenLanguage.of(home, Map.of("LANG", "fr_FR.UTF-8"));
        assertThat(c.chosen()).isEqualTo(Language.GERMAN);
    }

    @Test
    void anUnreadableSettingsFileIsNoChoice() throws IOException {
        Files.writeString(home.resolve("console.json"), "{not json");
        assertThat(ChosenLanguage.of(home, Map.of()).chosen()).isNull();
    }
}
