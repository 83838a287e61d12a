package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.i18n.Language;
import dev.concord.i18n.Localization;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JavaFX's own words (the OK/Cancel/Yes/No of every Alert and dialog, a text field's Undo/Copy/Paste menu) come
 * from its bundles by the default locale: they follow the language chosen in View -> Language, not the
 * machine's, while formats stay the machine's.
 */
class ConsoleLanguageTest {
    private Locale before;
    private Locale beforeFormat;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
        beforeFormat = Locale.getDefault(Locale.Category.FORMAT);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
        Locale.setDefault(Locale.Category.FORMAT, beforeFormat);
        Localization.use(Locale.ENGLISH);
    }

    @Test
    void javafxButtonsSpeakTheChosenLanguage() {
        ConsoleLanguage.use(Language.GERMAN);
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("Abbrechen");
        assertThat(ButtonType.YES.getText()).isEqualTo("Ja");
        assertThat(ButtonType.NO.getText()).isEqualTo("Nein");
        assertThat(Localization.lang("menu.file")).isEqualTo("_Datei");
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).as("formats stay the machine's").isEqualTo(beforeFormat);

        ConsoleLanguage.use(Language.FRENCH);
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("Annuler");
        ConsoleLanguage.use(Language.SPANISH);
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("Cancelar");
        ConsoleLanguage.use(Language.ENGLISH);
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("Cancel");
    }
}
