package dev.concord.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.testing.InLanguage;
import org.junit.jupiter.api.Test;

/** Every value of every enum field has a display name; the bundle test holds that each is in every language. */
@InLanguage("de")
class ValueWordsTest {
    @Test
    void everyValueOfEveryEnumFieldHasADisplayName() {
        for (EntityKind kind : EntityKind.values()) {
            for (FieldSpec spec : kind.fields()) {
                if (spec.type() == FieldType.ENUM) {
                    for (String wire : spec.allowedValues()) {
                        assertThat(ValueWords.key(wire)).as(kind + "." + spec.name() + "=" + wire).isNotNull();
                    }
                }
            }
        }
        assertThat(ValueWords.of("past_due")).isEqualTo("Überfällig");
        assertThat(ValueWords.of("paused")).isEqualTo("Pausiert");
    }

    @Test
    void aValueANewerServerSentIsReadableNotRaw() {
        assertThat(ValueWords.of("on_hold")).isEqualTo("On hold");
        assertThat(ValueWords.of(null)).isEmpty();
    }
}
