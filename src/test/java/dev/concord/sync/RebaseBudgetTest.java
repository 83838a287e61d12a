package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The rule of {@link RebaseBudget}: clean rebases are bounded by the save's age, with a count as a ceiling. */
class RebaseBudgetTest {
    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @Property
    void everyRebaseWithinTheWindowAndUnderTheCeilingIsAllowed(@ForAll @IntRange(min = 1, max = 200) int rebases,
                                                               @ForAll @LongRange(min = 1, max = 60_000) long windowMillis,
                                                               @ForAll @LongRange(min = 0, max = 1_000) long stepMillis) {
        RetryPolicy policy = RetryPolicy.defaults().withRebaseWindow(Duration.ofMillis(windowMillis)).withMaxRebases(1_000);
        RebaseBudget budget = new RebaseBudget(policy, START);
        Instant now = START;
        for (int i = 0; i < rebases; i++) {
            boolean young = Duration.between(START, now).toMillis() < windowMillis;
            // However many rebases came before: progress elsewhere is never held against this save while it is young.
            assertThat(budget.allows(now)).as("rebase %d at +%d ms", i + 1, Duration.between(START, now).toMillis())
                    .isEqualTo(young);
            if (!young) {
                return;
            }
            budget.spend();
            now = now.plusMillis(stepMillis);
        }
    }

    @Property
    void theCountIsOnlyACeiling(@ForAll @IntRange(min = 0, max = 50) int ceiling) {
        // A clock that never moves (409s faster than it can tell): the ceiling ends the chase.
        RebaseBudget budget = new RebaseBudget(RetryPolicy.defaults().withMaxRebases(ceiling), START);
        int allowed = 0;
        while (budget.allows(START) && allowed <= ceiling) {
            budget.spend();
            allowed++;
        }
        assertThat(allowed).isEqualTo(ceiling);
        assertThat(budget.used()).isEqualTo(ceiling);
    }

    @Property
    void afterTheWindowNothingIsAllowed(@ForAll @LongRange(min = 0, max = 3_600_000) long pastWindowMillis) {
        RebaseBudget budget = new RebaseBudget(RetryPolicy.defaults(), START);
        assertThat(budget.allows(START.plus(RetryPolicy.defaults().rebaseWindow()).plusMillis(pastWindowMillis))).isFalse();
        assertThat(budget.used()).isZero();
    }
}
