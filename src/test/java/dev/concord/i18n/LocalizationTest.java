package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.testing.InLanguage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@InLanguage("en")
class LocalizationTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String NBSP = "\u00a0";

    @Test
    void moneyIsWrittenInTheRecordsCurrencyTheWayTheAgentsLocaleWritesIt() {
        BigDecimal amount = new BigDecimal("12.50");
        assertThat(Localization.money(amount, "EUR")).isEqualTo("\u20ac12.50");
        assertThat(Localization.money(amount, "USD")).isEqualTo("$12.50");
        Localization.use(Locale.GERMAN);
        assertThat(Localization.money(amount, "EUR")).isEqualTo("12,50" + NBSP + "\u20ac");
        assertThat(Localization.money(new BigDecimal("1234.5"), "EUR")).isEqualTo("1.234,50" + NBSP + "\u20ac");
        Localization.use(Locale.FRENCH);
        assertThat(Localization.money(amount, "EUR")).startsWith("12,50").endsWith("\u20ac");
    }

    @Test
    void anAmountWithoutAKnownCurrencyStillShowsTheAmount() {
        assertThat(Localization.money(new BigDecimal("3"), "XYZ1")).isEqualTo("3.00" + NBSP + "XYZ1");
        assertThat(Localization.money(null, "EUR")).isEmpty();
    }

    @Test
    void countsPickTheirPluralForm() {
        assertThat(Localization.lang("status.conflicts", 0)).isEqualTo("No conflicts");
        assertThat(Localization.lang("status.conflicts", 1)).isEqualTo("1 unresolved conflict");
        assertThat(Localization.lang("status.conflicts", 1234)).isEqualTo("1,234 unresolved conflicts");
        Localization.use(Locale.GERMAN);
        assertThat(Localization.lang("status.conflicts", 2)).isEqualTo("2 ungelöste Konflikte");
        Localization.use(Locale.FRENCH);
        assertThat(Localization.lang("status.conflicts", 1)).isEqualTo("1 conflit non résolu");
    }

    @Test
    void relativeTimesReadAsSentences() {
        assertThat(Localization.relative(NOW.minusSeconds(10), NOW)).isEqualTo("just now");
        assertThat(Localization.relative(NOW.minus(2, ChronoUnit.MINUTES), NOW)).isEqualTo("2 minutes ago");
        assertThat(Localization.relative(NOW.minus(1, ChronoUnit.HOURS), NOW)).isEqualTo("1 hour ago");
        Localization.use(Locale.GERMAN);
        assertThat(Localization.relative(NOW.minus(2, ChronoUnit.MINUTES), NOW)).isEqualTo("vor 2 Minuten");
        Localization.use(Locale.forLanguageTag("es"));
        assertThat(Localization.relative(NOW.minus(3, ChronoUnit.DAYS), NOW)).isEqualTo("hace 3 días");
        Localization.use(Locale.FRENCH);
        assertThat(Localization.relative(NOW.minus(30, ChronoUnit.DAYS), NOW)).startsWith("le ");
    }

    @Test
    void datesFollowTheLocale() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        assertThat(Localization.date(day)).isEqualTo("Nov 30, 2026");
        Localization.use(Locale.GERMANY);
        assertThat(Localization.date(day)).isEqualTo("30.11.2026");
    }

    @Test
    void theSystemLocaleChoosesTheLanguageUnlessTheAgentChoseOne() {
        assertThat(Localization.use(null, Locale.forLanguageTag("de-AT"))).isEqualTo(Language.GERMAN);
        assertThat(Localization.locale()).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(Localization.use(Language.FRENCH, Locale.forLanguageTag("de-AT"))).isEqualTo(Language.FRENCH);
        assertThat(Localization.locale()).isEqualTo(Locale.FRENCH);
        assertThat(Localization.lang("status.connection.connected")).isEqualTo("Connecté");
    }

    @Test
    void aLanguageTheConsoleDoesNotSpeakFallsBackToEnglishNotToTheMachines() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(Localization.use(Locale.ITALIAN)).isEqualTo(Language.ENGLISH);
            assertThat(Localization.lang("status.connection.connected")).isEqualTo("Connected");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailingTheWindow() {
        assertThat(Localization.lang("no.such.key")).isEqualTo("no.such.key");
    }
}
