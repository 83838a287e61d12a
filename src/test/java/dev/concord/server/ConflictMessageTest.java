package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.ChangedField;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConflictMessageTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void namesWhoChangedWhatAndWhenInPlainWords() {
        List<ChangedField> changed = List.of(
                new ChangedField("status", "active", "paused", "bob", NOW.minusSeconds(130)),
                new ChangedField("notes", "a", "b", "bob", NOW.minusSeconds(100)),
                new ChangedField("amount", "1.00", "2.00", "billing-bot", NOW.minusSeconds(3 * 3600)));
        String message = ConflictMessage.describe(plan(9), 7, changed, NOW);
        assertThat(message).contains("version 9").contains("version 7")
                .contains("Bob changed status and notes 2 minutes ago")
                .contains("Billing-bot changed amount 3 hours ago");
    }

    @Test
    void relativeTimesReadNaturally() {
        assertThat(ConflictMessage.ago(NOW.minusSeconds(5), NOW)).isEqualTo("just now");
        assertThat(ConflictMessage.ago(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
        assertThat(ConflictMessage.ago(NOW.minusSeconds(2 * 86400), NOW)).isEqualTo("2 days ago");
        assertThat(ConflictMessage.joinWords(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }

    private static Entity plan(long version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "P");
        return EntityKind.PLAN.create(new RecordMeta("plan_x", version, NOW, NOW, "bob"), FieldValues.of(v));
    }
}
