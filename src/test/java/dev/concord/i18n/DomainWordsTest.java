package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
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
}
