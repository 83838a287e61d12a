package dev.concord.ui.status;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.TrackingTaskExecutor;
import dev.concord.testing.FakeConcordApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    /** A conflict store stand-in whose listeners the test fires by hand. */
    private static final class CountingFeed implements ConflictFeed {
        final AtomicInteger conflicts = new AtomicInteger();
        final List<Runnable> listeners = new ArrayList<>();

        @Override
        public int unresolvedCount() {
            return conflicts.get();
        }

        @Override
        public int pendingCount() {
            return 0;
        }

        @Override
        public AutoCloseable subscribe(Runnable onChange) {
            listeners.add(onChange);
            return () -> listeners.remove(onChange);
        }

        void change(int count) {
            conflicts.set(count);
            List.copyOf(listeners).forEach(Runnable::run);
        }
    }

    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final CountingFeed feed = new CountingFeed();
    private final TrackingTaskExecutor executor = new TrackingTaskExecutor(new CurrentThreadTaskExecutor());

    @Test
    void showsTheSignedInAgentAndTheServer() {
        StatusBarViewModel vm = new StatusBarViewModel("http://127.0.0.1:8787", api, feed, executor);

        vm.start();

        assertThat(vm.agentProperty().get()).isEqualTo("Alice (agent)");
        assertThat(vm.signedInAsProperty().get()).isEqualTo("Alice (agent)");
        assertThat(vm.serverProperty().get()).isEqualTo("http://127.0.0.1:8787");
        assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void whoTheAgentIsStaysUnknownWhenTheServerCannotSay() {
        api.setReachable(false);
        StatusBarViewModel vm = new StatusBarViewModel("u", api, feed, executor);
        vm.start();
        assertThat(vm.agentProperty().get()).as("the status bar says why").isNotEmpty();
        assertThat(vm.signedInAsProperty().get()).as("no error text where a name goes (the window title)").isEmpty();

        api.setReachable(true);
        vm.loadIdentity();
        assertThat(vm.signedInAsProperty().get()).isEqualTo("Alice (agent)");
    }

    @Test
    void theConflictCountFollowsTheStore() {
        feed.conflicts.set(2);
        StatusBarViewModel vm = new StatusBarViewModel("u", api, feed, executor);
        vm.start();
        assertThat(vm.getConflictCount()).isEqualTo(2);

        feed.change(3);
        assertThat(vm.getConflictCount()).isEqualTo(3);

        vm.close();
        feed.change(0);
        assertThat(vm.getConflictCount()).as("no longer following after close").isEqualTo(3);
        assertThat(feed.listeners).isEmpty();
    }

    @Test
    void aCallThatCannotReachTheServerShowsUnreachableAndTheNextSuccessRecovers() {
        StatusBarViewModel vm = new StatusBarViewModel("u", api, feed, executor);
        vm.start();

        api.setReachable(false);
        executor.run(api::whoAmI, ok -> { }, failure -> { });
        assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.UNREACHABLE);

        api.setReachable(true);
        vm.checkConnection();
        assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aSaveKeptAsPendingShowsTheServerAsUnreachable() {
        StatusBarViewModel vm = new StatusBarViewModel("u", api, feed, executor);
        vm.start();

        executor.run(() -> new SaveOutcome.Pending(null, Reason.of(Reason.Code.UNREACHABLE, "Connection refused")), outcome -> { }, failure -> { });

        assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.UNREACHABLE);
    }
}
