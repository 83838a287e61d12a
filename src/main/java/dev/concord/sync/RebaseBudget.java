package dev.concord.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long one save may keep rebasing after clean merges (issue 16 part 4). Each clean rebase follows a 409,
 * and a 409 proves another writer committed, so a busy record makes progress whatever this save does; what
 * the budget bounds is only how long this save chases it. That is a matter of time, not of a count: 16
 * agents saving disjoint fields of one record at once make the unluckiest of them lose many rounds in a few
 * seconds, and a fixed count of 10 kept a clean edit from landing (126 of 128). So a clean rebase is allowed
 * while the save is younger than {@link RetryPolicy#rebaseWindow()}; {@link RetryPolicy#maxRebases()} stays as
 * a ceiling for a clock that does not move (or 409s that come faster than any clock can tell).
 *
 * <p>Pure: it reads no clock; the coordinator passes its clock's readings.
 */
final class RebaseBudget {
    private final RetryPolicy policy;
    private final Instant started;
    private int used;

    /** A budget for a save whose first send was at {@code started}. */
    RebaseBudget(RetryPolicy policy, Instant started) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.started = Objects.requireNonNull(started, "started");
    }

    /** Whether one more clean rebase may be sent at {@code now}. */
    boolean allows(Instant now) {
        return used < policy.maxRebases() && Duration.between(started, now).compareTo(policy.rebaseWindow()) < 0;
    }

    /** Counts a rebase that is being sent. */
    void spend() {
        used++;
    }

    int used() {
        return used;
    }
}
