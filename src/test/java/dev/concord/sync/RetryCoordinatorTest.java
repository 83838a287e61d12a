package dev.concord.sync;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.FieldError;
import dev.concord.client.AuthException;
import dev.concord.client.PatchCall;
import dev.concord.client.RateLimitedException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.Samples;
import dev.concord.client.ValidationFailedException;
import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.domain.Subscription;
import dev.concord.testing.FakeConcordApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryCoordinatorTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper recordingSleeper = sleeps::add;
    private FakeConcordApi server;
    private ConflictStore store;
    private Subscription v1;

    /** A jitter source that always draws {@code fraction} of the bound. */
    static RandomGenerator fixed(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @BeforeEach
    void setUp() {
        v1 = Samples.subscription(1, "active", "first note");
        server = new FakeConcordApi("alice", v1);
        store = new ConflictStore(dir.resolve("conflicts.json"));
    }

    private RetryCoordinator coordinator(String who, RetryPolicy policy) {
        return new RetryCoordinator(server.clientFor(who), store, policy, Clock.fixed(NOW, ZoneOffset.UTC),
                recordingSleeper, fixed(0.5), new FieldLevelMerge());
    }

    private RetryCoordinator alice() {
        return coordinator("alice", RetryPolicy.defaults());
    }

    @Test
    void nothingChangedIsSavedWithoutACall() {
        SaveOutcome outcome = alice().save(v1, v1.values());
        assertThat(outcome).isEqualTo(new SaveOutcome.Saved(v1, List.of(), 0));
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void sendsOnlyTheChangedFieldsWithTheBaseVersion() {
        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "second note"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.entity().version()).isEqualTo(2);
            assertThat(s.mergedFromOthers()).isEmpty();
            assertThat(s.attempts()).isEqualTo(1);
        });
        PatchCall call = server.calls().get(0);
        assertThat(call.baseVersion()).isEqualTo(1);
        assertThat(call.changes()).isEqualTo(Map.of("notes", "second note"));
        assertThat(call.idempotencyKey()).isNotBlank();
    }

    @Test
    void acceptsOnlyTheChangedFieldsAsMine() {
        SaveOutcome outcome = alice().save(v1, FieldValues.of(Map.of("status", "paused")));
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(server.calls().get(0).changes()).isEqualTo(Map.of("status", "paused"));
    }

    @Test
    void unknownFieldIsRefusedBeforeAnyCall() {
        SaveOutcome outcome = alice().save(v1, FieldValues.of(Map.of("colour", "blue")));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Failed.class,
                f -> assertThat(f.fieldErrors()).extracting(FieldError::field).containsExactly("colour"));
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void staleSaveOfAnotherFieldRebasesKeepsTheirChangeAndSaysWhoMadeIt() {
        // Alice (at v1) saves notes; Bob, still at v1, saves status.
        alice().save(v1, v1.values().with("notes", "Alice's notes"));
        SaveOutcome outcome = coordinator("bob", RetryPolicy.defaults()).save(v1, v1.values().with("status", "paused"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.entity().version()).isEqualTo(3);
            assertThat(s.attempts()).isEqualTo(2);
            assertThat(s.mergedFromOthers()).containsExactly(new MergedChange("notes", "alice",
                    server.getVersion(v1.kind(), v1.id(), 2).updatedAt()));
        });
        Subscription end = (Subscription) server.current(v1.id());
        assertThat(end.notes()).isEqualTo("Alice's notes");
        assertThat(end.status().wire()).isEqualTo("paused");
        List<PatchCall> calls = server.calls();
        PatchCall bobFirst = calls.get(1);
        PatchCall bobRetry = calls.get(2);
        assertThat(bobRetry.baseVersion()).isEqualTo(2);
        assertThat(bobRetry.changes()).isEqualTo(Map.of("status", "paused"));
        assertThat(bobRetry.idempotencyKey()).isNotEqualTo(bobFirst.idempotencyKey());
        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
        assertThat(store.conflicts()).isEmpty();
    }

    @Test
    void bothChangingTheSameFieldDifferentlyStoresAConflictAndOverwritesNothing() {
        alice().save(v1, v1.values().with("status", "cancelled"));
        SaveOutcome outcome = coordinator("bob", RetryPolicy.defaults())
                .save(v1, v1.values().with("status", "paused").with("notes", "Bob's notes"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.NeedsResolution.class, n -> {
            Conflict c = n.conflict();
            assertThat(c.conflicts()).extracting(f -> f.field()).containsExactly("status");
            assertThat(c.base()).isEqualTo(v1);
            assertThat(c.theirs().version()).isEqualTo(2);
            assertThat(c.mine().get("status")).isEqualTo("paused");
            assertThat(c.mergedSoFar().get("status")).isEqualTo("cancelled");
            assertThat(c.mergedSoFar().get("notes")).isEqualTo("Bob's notes");
            assertThat(c.createdAt()).isEqualTo(NOW);
        });
        assertThat(store.conflicts()).hasSize(1);
        assertThat(server.calls()).hasSize(2);
        assertThat(((Subscription) server.current(v1.id())).status().wire()).isEqualTo("cancelled");
        assertThat(server.current(v1.id()).version()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void conflictWithoutCurrentFetchesTheRecord() {
        server.writeAs("bob", v1.id(), Map.of("notes", "bob"));
        server.script(new FakeConcordApi.ConflictWithoutCurrent());
        SaveOutcome outcome = alice().save(v1, v1.values().with("status", "paused"));
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(server.gets()).isEqualTo(1);
    }

    @Test
    void mineAlreadyOnTheServerEndsWithoutAnotherWrite() {
        server.writeAs("bob", v1.id(), Map.of("status", "paused"));
        SaveOutcome outcome = alice().save(v1, v1.values().with("status", "paused"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(s.entity().version()).isEqualTo(2));
        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void unreachableServerIsRetriedWithTheSameKeyOnTheBackoffScheduleThenKeptPending() {
        ServerUnreachableException down = new ServerUnreachableException("Cannot reach the server", false, null);
        server.script(new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down));

        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "offline edit"));

        assertThat(server.calls()).hasSize(3);
        assertThat(server.calls()).extracting(PatchCall::idempotencyKey).containsOnly(server.calls().get(0).idempotencyKey());
        // Full jitter drawn at half the bound: bounds 100 ms then 200 ms.
        assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Pending.class, p -> {
            assertThat(p.edit().idempotencyKey()).isEqualTo(server.calls().get(0).idempotencyKey());
            assertThat(p.edit().lastError().code()).isEqualTo(Reason.Code.UNREACHABLE);
        });
        assertThat(store.pending()).hasSize(1);
        assertThat(server.current(v1.id()).version()).isEqualTo(1);
    }

    @Test
    void anAgentsOwnEarlierChangeIsMergedButNeverAttributedToSomeoneElse() {
        // Bob saved notes from the command line; his console, still at v1, now saves status.
        coordinator("bob", RetryPolicy.defaults()).save(v1, v1.values().with("notes", "Bob's notes, from the CLI"));
        SaveOutcome outcome = coordinator("bob", RetryPolicy.defaults()).save(v1, v1.values().with("status", "paused"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(((Subscription) s.entity()).notes()).isEqualTo("Bob's notes, from the CLI");
            assertThat(s.mergedFromOthers()).as("nobody else's change was merged").isEmpty();
        });
    }

    @Test
    void serverFaultsAreResentWithTheSameKeyAndLandWhenTheFaultClears() {
        // 500 (e.g. a database fault the server did not classify), 503 and 502: each worth the same request again.
        server.script(new FakeConcordApi.Fail(new dev.concord.client.ApiException(500, "INTERNAL_ERROR", "Something went wrong")),
                new FakeConcordApi.Fail(new dev.concord.client.RateLimitedException(503, "SERVICE_UNAVAILABLE", "busy", null)));

        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "through a fault"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(((Subscription) s.entity()).notes()).isEqualTo("through a fault"));
        assertThat(server.calls()).hasSize(3);
        assertThat(server.calls()).extracting(PatchCall::idempotencyKey).containsOnly(server.calls().get(0).idempotencyKey());
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void aServerFaultThatOutlastsTheBudgetKeepsTheEditPendingWithAClearMessage() {
        dev.concord.client.ApiException boom = new dev.concord.client.ApiException(500, "INTERNAL_ERROR", "Something went wrong");
        server.script(new FakeConcordApi.Fail(boom), new FakeConcordApi.Fail(boom), new FakeConcordApi.Fail(boom));

        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "kept"));

        assertThat(server.calls()).hasSize(3);
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Pending.class, p -> {
            assertThat(p.edit().idempotencyKey()).isEqualTo(server.calls().get(0).idempotencyKey());
            assertThat(p.reason()).extracting(Reason::code, Reason::status, Reason::count)
                    .containsExactly(Reason.Code.SERVER_FAILED, 500, 3L);
            assertThat(p.reason().detail()).contains("Something went wrong");
        });
        assertThat(store.pending()).hasSize(1);
        assertThat(server.current(v1.id()).version()).isEqualTo(1);
    }

    @Test
    void pendingEditSurvivesARestartAndLandsWithItsKeyWhenTheServerIsBack() {
        ServerUnreachableException down = new ServerUnreachableException("down", false, null);
        server.script(new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down));
        SaveOutcome.Pending pending = (SaveOutcome.Pending) alice().save(v1, v1.values().with("notes", "offline"));

        ConflictStore reopened = new ConflictStore(dir.resolve("conflicts.json"));
        RetryCoordinator afterRestart = new RetryCoordinator(server.clientFor("alice"), reopened, RetryPolicy.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), recordingSleeper, fixed(0.5), new FieldLevelMerge());
        SaveOutcome outcome = afterRestart.retryPending(pending.edit().pendingId());

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(((Subscription) s.entity()).notes()).isEqualTo("offline"));
        assertThat(server.calls().get(3).idempotencyKey()).isEqualTo(pending.edit().idempotencyKey());
        assertThat(reopened.pending()).isEmpty();
        assertThat(new ConflictStore(dir.resolve("conflicts.json")).pending()).isEmpty();
    }

    @Test
    void pendingEditThatStillCannotLandStaysWithTheNewError() {
        ServerUnreachableException down = new ServerUnreachableException("down", false, null);
        server.script(new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down));
        SaveOutcome.Pending pending = (SaveOutcome.Pending) alice().save(v1, v1.values().with("notes", "offline"));
        ServerUnreachableException stillDown = new ServerUnreachableException("still down", false, null);
        server.script(new FakeConcordApi.Fail(stillDown), new FakeConcordApi.Fail(stillDown),
                new FakeConcordApi.Fail(stillDown));

        SaveOutcome again = alice().retryPending(pending.edit().pendingId());

        assertThat(again).isInstanceOf(SaveOutcome.Pending.class);
        assertThat(store.pending()).singleElement().satisfies(p -> {
            assertThat(p.pendingId()).isEqualTo(pending.edit().pendingId());
            assertThat(p.lastError()).extracting(Reason::code, Reason::detail).containsExactly(Reason.Code.UNREACHABLE, "still down");
            assertThat(p.idempotencyKey()).isEqualTo(pending.edit().idempotencyKey());
        });
    }

    @Test
    void pendingEditThatConflictsBecomesAStoredConflict() {
        ServerUnreachableException down = new ServerUnreachableException("down", false, null);
        server.script(new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down), new FakeConcordApi.Fail(down));
        SaveOutcome.Pending pending = (SaveOutcome.Pending) alice().save(v1, v1.values().with("status", "paused"));
        server.writeAs("bob", v1.id(), Map.of("status", "cancelled"));

        SaveOutcome outcome = alice().retryPending(pending.edit().pendingId());

        assertThat(outcome).isInstanceOf(SaveOutcome.NeedsResolution.class);
        assertThat(store.pending()).isEmpty();
        assertThat(store.conflicts()).hasSize(1);
    }

    @Test
    void lostAnswerIsRetriedWithTheSameKeyAndAppliedOnce() {
        server.script(new FakeConcordApi.DropAnswer());

        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "once"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.entity().version()).isEqualTo(2);
            assertThat(s.attempts()).isEqualTo(2);
        });
        assertThat(server.current(v1.id()).version()).isEqualTo(2);
        assertThat(server.calls().get(1).idempotencyKey()).isEqualTo(server.calls().get(0).idempotencyKey());
        assertThat(store.conflicts()).isEmpty();
    }

    @Test
    void backoffBoundsDoubleFromTheStartUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7)).map(p::backoffBound).map(Duration::toMillis)
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
    }

    @Test
    void jitterIsDrawnFromTheWholeRangeAndCapped() {
        ServerUnreachableException down = new ServerUnreachableException("down", true, null);
        for (int i = 0; i < 7; i++) {
            server.script(new FakeConcordApi.Fail(down));
        }
        RetryCoordinator c = new RetryCoordinator(server.clientFor("alice"), store,
                RetryPolicy.defaults().withMaxAttempts(7), Clock.fixed(NOW, ZoneOffset.UTC), recordingSleeper,
                fixed(0.999), new FieldLevelMerge());

        SaveOutcome outcome = c.save(v1, v1.values().with("notes", "x"));

        assertThat(outcome).isInstanceOf(SaveOutcome.Pending.class);
        assertThat(server.calls()).hasSize(7);
        assertThat(sleeps).map(Duration::toMillis).containsExactly(99L, 199L, 399L, 799L, 1598L, 1998L);
    }

    @Test
    void zeroJitterMeansAnImmediateRetry() {
        server.script(new FakeConcordApi.Fail(new ServerUnreachableException("down", false, null)));
        RetryCoordinator c = new RetryCoordinator(server.clientFor("alice"), store, RetryPolicy.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), recordingSleeper, fixed(0.0), new FieldLevelMerge());
        assertThat(c.save(v1, v1.values().with("notes", "x"))).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(sleeps).containsExactly(Duration.ZERO);
    }

    @Test
    void retryAfterIsHonouredInsteadOfTheBackoff() {
        server.script(new FakeConcordApi.Fail(new RateLimitedException(429, "RATE_LIMITED", "slow down",
                Duration.ofSeconds(7))));
        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "x"));
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(server.calls().get(1).idempotencyKey()).isEqualTo(server.calls().get(0).idempotencyKey());
    }

    @Test
    void unavailableWithoutRetryAfterBacksOff() {
        server.script(new FakeConcordApi.Fail(new RateLimitedException(503, "SERVICE_UNAVAILABLE", "busy", null)));
        assertThat(alice().save(v1, v1.values().with("notes", "x"))).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void retryAfterBeyondTheLimitKeepsTheEditPendingAtOnce() {
        server.script(new FakeConcordApi.Fail(new RateLimitedException(503, "SERVICE_UNAVAILABLE", "maintenance",
                Duration.ofHours(1))));
        SaveOutcome outcome = alice().save(v1, v1.values().with("notes", "x"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Pending.class,
                p -> assertThat(p.reason()).extracting(Reason::code, Reason::count).containsExactly(Reason.Code.ASKED_TO_WAIT, 3600L));
        assertThat(sleeps).isEmpty();
        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void cleanRebasesAreCappedSeparatelyFromFailedAttempts() {
        // Before each of Alice's sends another writer changes notes: every send is stale, every merge clean.
        for (int i = 0; i < 4; i++) {
            int n = i;
            server.script(new FakeConcordApi.Before(s -> s.writeAs("billing-bot", v1.id(), Map.of("notes", "bot " + n))));
        }
        RetryCoordinator c = coordinator("alice", RetryPolicy.defaults().withMaxRebases(3));

        SaveOutcome outcome = c.save(v1, v1.values().with("status", "paused"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Pending.class,
                p -> assertThat(p.reason()).extracting(Reason::code, Reason::count).containsExactly(Reason.Code.RECORD_BUSY, 4L));
        assertThat(server.calls()).hasSize(4);
        assertThat(sleeps).map(Duration::toMillis).containsExactly(50L, 100L, 200L);
        assertThat(store.conflicts()).isEmpty();
        assertThat(((Subscription) server.current(v1.id())).status().wire()).isEqualTo("active");

        // Kept on top of the newest record, so the retry lands at once and keeps every other change.
        PendingEdit kept = store.pending().get(0);
        assertThat(kept.base().version()).isEqualTo(server.current(v1.id()).version());
        SaveOutcome retried = c.retryPending(kept.pendingId());
        assertThat(retried).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(((Subscription) server.current(v1.id())).status().wire()).isEqualTo("paused");
        assertThat(((Subscription) server.current(v1.id())).notes()).isEqualTo("bot 3");
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void cleanRebasesAreBoundedByTimeNotByACount() {
        // 25 stale sends in a row, each merging cleanly: more than the old fixed cap of 10, well within 30 s.
        for (int i = 0; i < 25; i++) {
            int n = i;
            server.script(new FakeConcordApi.Before(s -> s.writeAs("billing-bot", v1.id(), Map.of("notes", "bot " + n))));
        }
        MovingClock clock = new MovingClock(NOW);
        RetryCoordinator c = new RetryCoordinator(server.clientFor("alice"), store,
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2)), clock,
                d -> clock.advance(d), fixed(0.5), new FieldLevelMerge());

        SaveOutcome outcome = c.save(v1, v1.values().with("status", "paused"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> assertThat(s.attempts()).isEqualTo(26));
        assertThat(store.conflicts()).isEmpty();
        assertThat(store.pending()).isEmpty();
        assertThat(((Subscription) server.current(v1.id())).notes()).isEqualTo("bot 24");
    }

    @Test
    void aSaveStillChasingAfterTheWindowIsKeptPending() {
        for (int i = 0; i < 25; i++) {
            int n = i;
            server.script(new FakeConcordApi.Before(s -> s.writeAs("billing-bot", v1.id(), Map.of("notes", "bot " + n))));
        }
        MovingClock clock = new MovingClock(NOW);
        // Each backoff is 1 s (half of the 2 s bound): the 10 s window closes after about ten rebases.
        RetryCoordinator c = new RetryCoordinator(server.clientFor("alice"), store,
                RetryPolicy.defaults().withRebaseWindow(Duration.ofSeconds(10)).withBackoff(Duration.ofSeconds(2), 1.0,
                        Duration.ofSeconds(2)), clock, d -> clock.advance(d), fixed(0.5), new FieldLevelMerge());

        SaveOutcome outcome = c.save(v1, v1.values().with("status", "paused"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Pending.class,
                p -> assertThat(p.reason().code()).isEqualTo(Reason.Code.RECORD_BUSY));
        assertThat(server.calls()).hasSize(11);
        assertThat(store.conflicts()).isEmpty();
        assertThat(store.pending()).singleElement().satisfies(p ->
                assertThat(p.base().version()).isEqualTo(server.current(v1.id()).version()));
    }

    /** A clock the test moves: each backoff sleep advances it, so the rebase window passes without waiting. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void threeCleanRebasesStillLandWithTheDefaultPolicy() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            server.script(new FakeConcordApi.Before(s -> s.writeAs("billing-bot", v1.id(), Map.of("notes", "bot " + n))));
        }
        SaveOutcome outcome = alice().save(v1, v1.values().with("status", "paused"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.attempts()).isEqualTo(4);
            assertThat(s.mergedFromOthers()).extracting(MergedChange::changedBy).containsExactly("billing-bot");
        });
        assertThat(((Subscription) server.current(v1.id())).notes()).isEqualTo("bot 2");
    }

    @Test
    void refusedInputFailsAtOnceWithTheFields() {
        server.script(new FakeConcordApi.Fail(new ValidationFailedException(422, "VALIDATION_FAILED", "refused",
                List.of(new FieldError("currency", "INVALID_VALUE", "Currency must be a three-letter ISO 4217 code")))));
        SaveOutcome outcome = alice().save(v1, v1.values().with("currency", "USD"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Failed.class, f -> {
            assertThat(f.reason().code()).isEqualTo(Reason.Code.INVALID);
            assertThat(f.fieldErrors()).hasSize(1);
        });
        assertThat(server.calls()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void valueOfTheWrongJavaTypeFailsInsteadOfThrowing() {
        RetryCoordinator c = new RetryCoordinator(new dev.concord.client.OkHttpConcordApi("http://127.0.0.1:1", "t"),
                store, RetryPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), recordingSleeper, fixed(0.5));
        SaveOutcome outcome = c.save(v1, v1.values().with("amount", "12.00"));
        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Failed.class,
                f -> assertThat(f.reason().code()).isEqualTo(Reason.Code.WRONG_VALUE_TYPE));
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void authAndNotFoundFailAtOnce() {
        server.script(new FakeConcordApi.Fail(new AuthException(403, "FORBIDDEN", "Viewers cannot edit")));
        assertThat(alice().save(v1, v1.values().with("notes", "x"))).isInstanceOfSatisfying(SaveOutcome.Failed.class,
                f -> assertThat(f.reason()).extracting(Reason::code, Reason::errorCode)
                        .containsExactly(Reason.Code.NOT_ALLOWED, "FORBIDDEN"));
        Subscription ghost = new Subscription("sub_9999", "x", "x@example.com", "plan_basic", null, null, "EUR", null,
                null, false, null, "", 1, NOW, NOW, "x");
        assertThat(alice().save(ghost, ghost.values().with("notes", "y"))).isInstanceOfSatisfying(
                SaveOutcome.Failed.class, f -> assertThat(f.reason().code()).isEqualTo(Reason.Code.NOT_FOUND));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void interruptedWhileWaitingKeepsTheEditPending() {
        server.script(new FakeConcordApi.Fail(new ServerUnreachableException("down", false, null)));
        RetryCoordinator c = new RetryCoordinator(server.clientFor("alice"), store, RetryPolicy.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), d -> {
                    throw new InterruptedException();
                }, fixed(0.5), new FieldLevelMerge());
        try {
            assertThat(c.save(v1, v1.values().with("notes", "x"))).isInstanceOf(SaveOutcome.Pending.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(store.pending()).hasSize(1);
    }

    @Test
    void resolvingWritesOnTopOfTheirsAndRemovesTheConflict() {
        alice().save(v1, v1.values().with("status", "cancelled"));
        RetryCoordinator bob = coordinator("bob", RetryPolicy.defaults());
        Conflict conflict = ((SaveOutcome.NeedsResolution) bob.save(v1,
                v1.values().with("status", "paused").with("notes", "Bob's notes"))).conflict();

        SaveOutcome outcome = bob.resolve(conflict.conflictId(), FieldValues.of(Map.of("status", "paused")));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(s.entity().version()).isEqualTo(3));
        PatchCall last = server.calls().get(server.calls().size() - 1);
        assertThat(last.baseVersion()).isEqualTo(2);
        assertThat(last.changes()).isEqualTo(Map.of("status", "paused", "notes", "Bob's notes"));
        assertThat(store.conflicts()).isEmpty();
    }

    @Test
    void resolvingAfterAnUnrelatedChangeRebasesTheDecision() {
        alice().save(v1, v1.values().with("status", "cancelled"));
        RetryCoordinator bob = coordinator("bob", RetryPolicy.defaults());
        Conflict conflict = ((SaveOutcome.NeedsResolution) bob.save(v1, v1.values().with("status", "paused")))
                .conflict();
        server.writeAs("billing-bot", v1.id(), Map.of("notes", "invoice sent"));

        SaveOutcome outcome = bob.resolve(conflict.conflictId(), conflict.mergedSoFar().with("status", "paused"));

        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        Subscription end = (Subscription) server.current(v1.id());
        assertThat(end.status().wire()).isEqualTo("paused");
        assertThat(end.notes()).isEqualTo("invoice sent");
        assertThat(store.conflicts()).isEmpty();
    }

    @Test
    void resolvingAfterTheFieldMovedAgainRefreshesTheStoredConflict() {
        alice().save(v1, v1.values().with("status", "cancelled"));
        RetryCoordinator bob = coordinator("bob", RetryPolicy.defaults());
        Conflict conflict = ((SaveOutcome.NeedsResolution) bob.save(v1, v1.values().with("status", "paused")))
                .conflict();
        Entity v3 = server.writeAs("alice", v1.id(), Map.of("status", "expired"));

        SaveOutcome outcome = bob.resolve(conflict.conflictId(), FieldValues.of(Map.of("status", "paused")));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.NeedsResolution.class, n -> {
            assertThat(n.conflict().conflictId()).isEqualTo(conflict.conflictId());
            assertThat(n.conflict().theirs()).isEqualTo(v3);
            assertThat(n.conflict().conflicts()).singleElement()
                    .satisfies(f -> assertThat(f.theirs()).isEqualTo("expired"));
        });
        assertThat(store.conflicts()).singleElement().satisfies(c -> assertThat(c.theirs()).isEqualTo(v3));
        assertThat(((Subscription) server.current(v1.id())).status().wire()).isEqualTo("expired");
    }

    @Test
    void resolvingAnUnknownConflictFails() {
        assertThat(alice().resolve("c-nope", FieldValues.of(Map.of()))).isInstanceOf(SaveOutcome.Failed.class);
    }
}
