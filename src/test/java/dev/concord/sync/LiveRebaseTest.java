package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.domain.BillingCycle;
import dev.concord.domain.Entity;
import dev.concord.domain.RecordMeta;
import dev.concord.domain.Subscription;
import dev.concord.domain.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveRebaseTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final Entity base = new Subscription("sub_1", "Ada Lovelace", "ada@example.com", "plan_basic",
            SubscriptionStatus.ACTIVE, new BigDecimal("19.90"), "EUR", BillingCycle.MONTHLY,
            LocalDate.parse("2026-12-01"), false, Set.of("vip"), "line 1\nline 2\nline 3\n", 7, T0, T0, "seed");

    private Entity next(Entity e, String actor, Map<String, ?> changes) {
        return e.kind().create(new RecordMeta(e.id(), e.version() + 1, e.createdAt(), T0.plusSeconds(60), actor),
                e.values().withAll(changes));
    }

    @Test
    void editsOfOtherFieldsAreKeptOnTopOfTheCurrentRecord() {
        Entity current = next(base, "bob", Map.of("status", "paused"));

        LiveRebase.Result r = LiveRebase.rebase(base, base.values().with("notes", "mine\n"), current);

        assertThat(r.clean()).isTrue();
        assertThat(r.newBase()).isEqualTo(current);
        assertThat(r.edits()).containsExactly(Map.entry("notes", "mine\n"));
    }

    @Test
    void bothSidesEditingDifferentLinesOfNotesMergeIntoOneEdit() {
        Entity current = next(base, "bob", Map.of("notes", "line 1 (bob)\nline 2\nline 3\n"));

        LiveRebase.Result r = LiveRebase.rebase(base, base.values().with("notes", "line 1\nline 2\nline 3 (me)\n"),
                current);

        assertThat(r.clean()).isTrue();
        assertThat(r.edits()).containsExactly(Map.entry("notes", "line 1 (bob)\nline 2\nline 3 (me)\n"));
    }

    @Test
    void anEditTheOtherWriterAlreadyMadeIsNoLongerAnEdit() {
        Entity current = next(base, "bob", Map.of("status", "paused"));

        LiveRebase.Result r = LiveRebase.rebase(base, base.values().with("status", "paused"), current);

        assertThat(r.clean()).isTrue();
        assertThat(r.edits()).isEmpty();
    }

    @Test
    void aTrueConflictRebasesNothing() {
        Entity current = next(base, "bob", Map.of("status", "paused", "tags", Set.of("vip", "refund")));

        LiveRebase.Result r = LiveRebase.rebase(base,
                base.values().with("status", "cancelled").with("notes", "mine\n"), current);

        assertThat(r.clean()).isFalse();
        assertThat(r.conflicts()).containsExactly("status");
        assertThat(r.newBase()).isEqualTo(base);
        assertThat(r.edits()).isEmpty();
    }

    @Test
    void refusesAnotherRecord() {
        Entity other = base.kind().create(new RecordMeta("sub_2", 3, T0, T0, "bob"), base.values());

        assertThatThrownBy(() -> LiveRebase.rebase(base, base.values(), other))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot rebase sub_1 onto sub_2");
    }
}
