package dev.concord.ui.inbox;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.PatchCall;
import dev.concord.client.ServerUnreachableException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.RetryPolicy;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.conflict.Conflicts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConflictInboxViewModelTest {
    @TempDir
    Path dir;
    private ConflictStore store;
    /** The record the pending edits below were made on: sub_1 at version 3. */
    private final FakeConcordApi api = new FakeConcordApi("alice",
            Conflicts.entity(Conflicts.baseValues(), 3, "alice", Conflicts.T0));
    private final QueueingExecutor executor = new QueueingExecutor();
    private ConflictInboxViewModel vm;

    @BeforeEach
    void setUp() {
        store = new ConflictStore(dir.resolve("conflicts.json"));
    }

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
        }
    }

    private ConflictInboxViewModel inbox() {
        RetryCoordinator coordinator = new RetryCoordinator(api, store, RetryPolicy.defaults(), Clock.systemUTC(),
                d -> { }, () -> 42L);
        vm = new ConflictInboxViewModel(store, coordinator, executor);
        return vm;
    }

    @Test
    void listsTheStoredConflictsNewestFirst() {
        store.putConflict(withId(Conflicts.statusAndNotes(), "c-old", 0));
        store.putConflict(withId(Conflicts.statusAndNotes(), "c-new", 60));

        assertThat(inbox().conflicts()).extracting(Conflict::conflictId).containsExactly("c-new", "c-old");
        assertThat(vm.unresolvedCountBinding().get()).isEqualTo(2);
    }

    @Test
    void storeChangesReachTheListOnlyThroughTheUiThread() {
        inbox();
        store.putConflict(Conflicts.statusAndNotes());

        assertThat(vm.conflicts()).isEmpty();
        executor.runUiUpdates();
        assertThat(vm.conflicts()).extracting(Conflict::conflictId).containsExactly("c-1");

        store.removeConflict("c-1");
        executor.runUiUpdates();
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.unresolvedCountBinding().get()).isZero();
    }

    @Test
    void closedInboxNoLongerFollowsTheStore() {
        inbox().close();
        store.putConflict(Conflicts.statusAndNotes());

        executor.runUiUpdates();
        assertThat(vm.conflicts()).isEmpty();
    }

    @Test
    void dialogOpensOnTheNewestStoredCopyOfAConflict() {
        Conflict first = Conflicts.statusAndNotes();
        store.putConflict(first);
        inbox();
        Conflict refreshed = Conflicts.conflict(Conflicts.baseValues(),
                Conflicts.baseValues().withAll(first.mine().asMap()),
                first.theirs().values().with("status", "expired"), 9, List.of("status", "notes"));
        store.putConflict(refreshed);

        var dialog = vm.dialogFor(first);
        executor.runAll(); // the dialog builds its notes merges off the UI thread before filling its rows

        assertThat(dialog.rowFor("status").theirsTextProperty().get()).isEqualTo("expired");
    }

    @Test
    void retryingAPendingEditSavesItAndDropsItFromTheList() {
        store.putPending(pendingStatusEdit());
        inbox();

        vm.retry(vm.pending().get(0));
        executor.runAll();

        assertThat(api.patches()).extracting(PatchCall::idempotencyKey).containsExactly("key-1");
        assertThat(api.patches().get(0).changes()).isEqualTo(Map.of("status", "paused"));
        assertThat(vm.pending()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("Saved Subscription sub_1 · Acme GmbH (v4)");
        assertThat(vm.retryingProperty().get()).isFalse();
    }

    @Test
    void retryWhileTheServerIsStillDownKeepsTheEditAndSaysSo() {
        store.putPending(pendingStatusEdit());
        inbox();
        for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
            api.script(new FakeConcordApi.Fail(new ServerUnreachableException("connection refused", false, null)));
        }

        vm.retry(vm.pending().get(0));
        executor.runAll();

        assertThat(vm.pending()).extracting(PendingEdit::pendingId).containsExactly("p-1");
        assertThat(vm.pending().get(0).lastError().code()).isEqualTo(Reason.Code.UNREACHABLE);
        assertThat(vm.noticeProperty().get()).isEqualTo("Still not saved: the server could not be reached; the edit stays kept");
    }

    private static PendingEdit pendingStatusEdit() {
        Entity base = Conflicts.entity(Conflicts.baseValues(), 3, "alice", Conflicts.T0);
        return new PendingEdit("p-1", EntityKind.SUBSCRIPTION, "sub_1", base, FieldValues.of(Map.of("status", "paused")),
                "key-1", Conflicts.T0, Reason.of(Reason.Code.UNREACHABLE, "connection refused"));
    }

    private static Conflict withId(Conflict c, String id, long secondsLater) {
        return new Conflict(id, c.kind(), c.entityId(), c.base(), c.mine(), c.theirs(), c.mergedSoFar(), c.conflicts(),
                c.createdAt().plusSeconds(secondsLater));
    }

    /** Runs background work at once but holds UI updates until the test lets them through, like the FX queue. */
    static final class QueueingExecutor implements TaskExecutor {
        private final Deque<Runnable> ui = new ArrayDeque<>();
        private final CurrentThreadTaskExecutor direct = new CurrentThreadTaskExecutor();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            direct.run(work, r -> ui.add(() -> onSuccess.accept(r)), e -> ui.add(() -> onFailure.accept(e)));
        }

        @Override
        public void onUiThread(Runnable update) {
            ui.add(update);
        }

        void runUiUpdates() {
            runAll();
        }

        void runAll() {
            while (!ui.isEmpty()) {
                ui.remove().run();
            }
        }
    }
}
