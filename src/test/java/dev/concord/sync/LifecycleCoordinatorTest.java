package dev.concord.sync;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.CreateCall;
import dev.concord.client.RateLimitedException;
import dev.concord.client.Samples;
import dev.concord.client.ServerUnreachableException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.testing.FakeConcordApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creates that are never made twice, and retires that never act on a version the person did not see. */
class LifecycleCoordinatorTest {
    private final List<Duration> slept = new ArrayList<>();
    private final Entity sub1 = Samples.subscription(1, "active", "first");
    private final FakeConcordApi api = new FakeConcordApi("alice", sub1);
    private final LifecycleCoordinator coordinator = new LifecycleCoordinator(api, RetryPolicy.defaults(),
            slept::add, () -> 42L);

    private FieldValues newValues() {
        return sub1.values().with("customerName", "New Customer");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsResentWithTheSameKeyAndMakesOneRecord() {
        api.script(new FakeConcordApi.DropAnswer(), new FakeConcordApi.Fail(new ServerUnreachableException("refused", false, null)));

        CreateOutcome outcome = coordinator.create(EntityKind.SUBSCRIPTION, null, newValues());

        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        List<Object> calls = api.lifecycleCalls();
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c).isInstanceOf(CreateCall.class));
        assertThat(calls.stream().map(c -> ((CreateCall) c).idempotencyKey()).distinct()).hasSize(1);
        assertThat(api.list(EntityKind.SUBSCRIPTION, null).items()).hasSize(2);
        assertThat(slept).hasSize(2);
    }

    @Test
    void whenTheServerStaysAwayTheKeyIsHandedBackAndARetryWithItIsSafe() {
        ServerUnreachableException down = new ServerUnreachableException("down", false, null);
        api.script(new FakeConcordApi.DropAnswer(), new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down));

        CreateOutcome first = coordinator.create(EntityKind.SUBSCRIPTION, null, newValues());

        assertThat(first).isInstanceOf(CreateOutcome.Unreachable.class);
        String key = ((CreateOutcome.Unreachable) first).idempotencyKey();
        CreateOutcome again = coordinator.create(EntityKind.SUBSCRIPTION, null, newValues(), key);
        assertThat(again).isInstanceOf(CreateOutcome.Created.class);
        assertThat(api.list(EntityKind.SUBSCRIPTION, null).items()).hasSize(2);
    }

    @Test
    void aRefusedCreateSaysWhyAndIsNotRetried() {
        CreateOutcome taken = coordinator.create(EntityKind.SUBSCRIPTION, sub1.id(), newValues());

        assertThat(taken).isInstanceOfSatisfying(CreateOutcome.Refused.class,
                r -> assertThat(r.reason().errorCode()).isEqualTo("ALREADY_EXISTS"));
        assertThat(api.lifecycleCalls()).hasSize(1);
    }

    @Test
    void aRetireOfTheSeenVersionRetires() {
        RetireOutcome outcome = coordinator.retire(sub1);

        assertThat(outcome).isInstanceOfSatisfying(RetireOutcome.Retired.class,
                r -> assertThat(r.deleted().version()).isEqualTo(2));
        assertThat(api.isRetired(sub1.id())).isTrue();
    }

    @Test
    void aStaleRetireIsAConflictForThePersonAndRetiresNothing() {
        api.writeAs("bob", sub1.id(), Map.of("status", "paused"));

        RetireOutcome outcome = coordinator.retire(sub1);

        assertThat(outcome).isInstanceOfSatisfying(RetireOutcome.Stale.class, s -> {
            assertThat(s.current().version()).isEqualTo(2);
            assertThat(s.changedSince()).extracting(c -> c.field() + " by " + c.changedBy()).containsExactly("status by bob");
            assertThat(s.seenVersion()).isEqualTo(1);
        });
        assertThat(api.isRetired(sub1.id())).isFalse();
        assertThat(api.lifecycleCalls()).hasSize(1);
    }

    @Test
    void aRetireWhoseAnswerWasLostEndsAsAlreadyGoneNotAsAnError() {
        api.script(new FakeConcordApi.DropAnswer());

        RetireOutcome outcome = coordinator.retire(sub1);

        assertThat(outcome).isInstanceOfSatisfying(RetireOutcome.AlreadyGone.class,
                g -> assertThat(g.reason().code()).isEqualTo(Reason.Code.RETIRED_BY_EARLIER_ATTEMPT));
        assertThat(api.isRetired(sub1.id())).isTrue();
    }

    @Test
    void aRetireHonoursRetryAfterAndGivesUpAfterTheAttempts() {
        RateLimitedException busy = new RateLimitedException(503, "SERVICE_UNAVAILABLE", "busy", Duration.ofSeconds(2));
        api.script(new FakeConcordApi.Fail(busy), new FakeConcordApi.Fail(busy), new FakeConcordApi.Fail(busy));

        RetireOutcome outcome = coordinator.retire(sub1);

        assertThat(outcome).isInstanceOf(RetireOutcome.Unreachable.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(api.isRetired(sub1.id())).isFalse();
    }
}
