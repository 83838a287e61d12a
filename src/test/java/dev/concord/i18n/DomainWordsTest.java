package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.InvalidFieldValueException;
import dev.concord.testing.InLanguage;
import org.junit.jupiter.api.Test;

@InLanguage("de")
class DomainWordsTest {
    @Test
    void everyFieldOfEveryKindHasATranslatedLabel() {
        for (EntityKind kind : EntityKind.values()) {
            for (FieldSpec spec : kind.fields()) {
                assertThat(DomainWords.fieldKey(spec.name())).as(kind + "." + spec.name()).isNotNull();
            }
        }
        assertThat(DomainWords.field(EntityKind.SUBSCRIPTION, "customerName")).isEqualTo("Kundenname");
        assertThat(DomainWords.plural(EntityKind.INVOICE)).isEqualTo("Rechnungen");
    }

    /** A value the field refuses is said in the agent's language, from the problem the domain names. */
    @Test
    void refusedValuesAreWordedInGerman() {
        FieldSpec amount = EntityKind.SUBSCRIPTION.requireField("amount");
        assertThat(DomainWords.invalid(refusal(() -> amount.parse("-3")))).isEqualTo("Betrag darf nicht negativ sein");
        FieldSpec email = EntityKind.SUBSCRIPTION.requireField("customerEmail");
        assertThat(DomainWords.invalid(refusal(() -> email.parse("nobody"))))
                .startsWith("Kunden-E-Mail muss eine E-Mail-Adresse sein");
        FieldSpec name = EntityKind.SUBSCRIPTION.requireField("customerName");
        assertThat(DomainWords.invalid(refusal(() -> name.parse("x".repeat(250)))))
                .contains("ist zu lang (250 Zeichen, höchstens 200)");
        FieldSpec date = EntityKind.SUBSCRIPTION.requireField("nextBillingDate");
        assertThat(DomainWords.invalid(refusal(() -> date.parse("2026-02-30"))))
                .isEqualTo("Nächste Abrechnung muss ein Tag im Kalender sein; 2026-02-30 ist keiner");
        assertThat(DomainWords.invalid(refusal(() -> date.parse("30.02.2026")))).contains("yyyy-MM-dd");
        for (InvalidFieldValueException.Problem p : InvalidFieldValueException.Problem.values()) {
            String words = DomainWords.invalid(new InvalidFieldValueException("amount", "english", p, 7, 8, 9));
            assertThat(words).as(p.name()).doesNotContain("english").doesNotStartWith("invalid.");
        }
    }

    private static InvalidFieldValueException refusal(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidFieldValueException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
