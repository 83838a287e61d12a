package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemLocaleTest {
    @Test
    void theEnvironmentNamesTheLanguageAsPosixProgramsReadIt() {
        assertThat(SystemLocale.of(Map.of("LANG", "de_DE.UTF-8"), Locale.ITALIAN)).isEqualTo(Locale.GERMANY);
        assertThat(SystemLocale.of(Map.of("LANG", "de_DE.UTF-8", "LC_MESSAGES", "fr_CA"), Locale.ITALIAN))
                .isEqualTo(Locale.CANADA_FRENCH);
        assertThat(SystemLocale.of(Map.of("LANG", "de_DE", "LC_MESSAGES", "fr_FR", "LC_ALL", "es_ES.UTF-8@euro"),
                Locale.ITALIAN)).isEqualTo(Locale.forLanguageTag("es-ES"));
        assertThat(SystemLocale.of(Map.of("LANG", "C.UTF-8"), Locale.ITALIAN)).isEqualTo(Locale.ENGLISH);
        assertThat(SystemLocale.of(Map.of("LC_ALL", " "), Locale.ITALIAN)).isEqualTo(Locale.ITALIAN);
    }
}
