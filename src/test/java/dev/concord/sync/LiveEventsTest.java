package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.EventStreamClient;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.PatchCall;
import dev.concord.client.PresenceClient;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.TestServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reconnecting event subscriber and the presence announcer against the real in-process server. */
class LiveEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReconnectBackoff FAST = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(800));
    @RegisterExtension
    static final DemoServerFixture demo = new DemoServerFixture(TestServers::h2Demo);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Recorder events = new Recorder();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** Collects what a subscriber delivers (on the reading thread: the executor runs callbacks directly). */
    static final class Recorder implements LiveListener {
        final List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
        final List<Presence> presences = new CopyOnWriteArrayList<>();
        final List<LiveStatus> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void changed(ChangeEvent event) {
            changes.add(event);
        }

        @Override
        public void presence(Presence presence) {
            presences.add(presence);
        }

        @Override
        public void status(LiveStatus status) {
            statuses.add(status);
        }

        final List<String> resets = new CopyOnWriteArrayList<>();

        @Override
        public void reset(String message) {
            resets.add(message);
        }

        LiveStatus.State state() {
            return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
        }
    }

    private LiveEvents subscribe(String baseUrl, String token, Sleeper sleeper) {
        LiveEvents live = new LiveEvents(new EventStreamClient(baseUrl, token), Runnable::run, FAST, sleeper,
                new SplittableRandom(7));
        live.addListener(events);
        toClose.add(live);
        live.start();
        return live;
    }

    private LiveEvents subscribeLive(String token, Sleeper sleeper) {
        LiveEvents live = subscribe(demo.server().baseUrl(), token, sleeper);
        await().atMost(WAIT).until(() -> events.state() == LiveStatus.State.LIVE);
        return live;
    }

    private Sleeper recordingSleeper() {
        return d -> sleeps.add(d);
    }

    /** Appends a line to the notes of {@code id} as {@code token}; returns "id@version by actor". */
    private static String write(String token, String id, String line) {
        OkHttpConcordApi api = new OkHttpConcordApi(demo.server().baseUrl(), token);
        Entity now = api.get(EntityKind.SUBSCRIPTION, id);
        Entity saved = api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, id, now.version(),
                Map.of("notes", line), null));
        return id + "@" + saved.version() + " by " + saved.updatedBy();
    }

    private static List<String> described(List<ChangeEvent> changes) {
        return changes.stream().map(e -> e.id() + "@" + e.version() + " by " + e.actor()).toList();
    }

    @Test
    void deliversEveryWriteInCommitOrderWithItsChangedFields() {
        subscribeLive("demo-viewer", recordingSleeper());
        List<String> written = new ArrayList<>();
        written.add(write("demo-alice", "sub_0002", "first"));
        written.add(write("demo-bob", "sub_0003", "second"));
        written.add(write("demo-alice", "sub_0002", "third"));

        await().atMost(WAIT).until(() -> events.changes.size() >= 3);
        assertThat(described(events.changes)).containsExactlyElementsOf(written);
        assertThat(events.changes).extracting(ChangeEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(events.changes).allSatisfy(e -> assertThat(e.fields()).containsExactly("notes"));
    }

    @Test
    void anIdAheadOfTheServersLogIsResetAndTheStreamCarriesOnFromTheServersNewest() {
        String before = write("demo-alice", "sub_0006", "before");
        LiveEvents live = new LiveEvents(new EventStreamClient(demo.server().baseUrl(), "demo-viewer"), Runnable::run, FAST,
                d -> { }, new SplittableRandom(7));
        live.addListener(events);
        toClose.add(live);
        live.start(1_000_000L); // e.g. kept across a restore of the server's database
        await().atMost(WAIT).until(() -> !events.resets.isEmpty());
        assertThat(events.resets.get(0)).contains("ahead");
        assertThat(live.lastEventId()).as("moved back to the server's newest").isLessThan(1_000_000L);
        String after = write("demo-bob", "sub_0006", "after the reset");
        await().atMost(WAIT).until(() -> !events.changes.isEmpty());
        assertThat(described(events.changes)).containsExactly(after).doesNotContain(before);
    }

    @Test
    void resumesAfterADroppedConnectionWithoutMissingOrRepeatingAWrite() {
        Semaphore reconnectAllowed = new Semaphore(0);
        LiveEvents live = subscribeLive("demo-viewer", d -> {
            sleeps.add(d);
            reconnectAllowed.acquire();
        });
        String before = write("demo-alice", "sub_0004", "before the drop");
        await().atMost(WAIT).until(() -> events.changes.size() == 1);

        live.reconnect();
        await().atMost(WAIT).until(() -> sleeps.size() == 1);
        assertThat(events.state()).isEqualTo(LiveStatus.State.RECONNECTING);
        String during1 = write("demo-bob", "sub_0004", "while disconnected 1");
        String during2 = write("demo-alice", "sub_0005", "while disconnected 2");
        reconnectAllowed.release();

        await().atMost(WAIT).until(() -> events.changes.size() >= 3);
        String after = write("demo-bob", "sub_0005", "after the reconnect");
        await().atMost(WAIT).until(() -> events.changes.size() >= 4);
        assertThat(described(events.changes)).containsExactly(before, during1, during2, after);
        assertThat(live.lastEventId()).isEqualTo(events.changes.get(3).seq());
        assertThat(sleeps.get(0)).as("first reconnect after a live stream waits the first step")
                .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void reconnectsWithGrowingJitteredBackoffWhileTheServerIsDown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int[] calls = {0};
        subscribe("http://127.0.0.1:" + port, "demo-alice", d -> {
            sleeps.add(d);
            if (++calls[0] == 6) {
                throw new InterruptedException("enough");
            }
        });

        await().atMost(WAIT).until(() -> events.state() == LiveStatus.State.UNAVAILABLE);
        assertThat(sleeps).hasSize(6);
        long[] bounds = {100, 200, 400, 800, 800, 800};
        for (int i = 0; i < bounds.length; i++) {
            assertThat(sleeps.get(i).toMillis()).as("delay %d", i + 1).isBetween(bounds[i] / 2, bounds[i]);
        }
        assertThat(events.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(LiveStatus.State.RECONNECTING);
            assertThat(s.message()).startsWith("live updates interrupted (").contains("reconnecting in");
        });
        assertThat(events.changes).isEmpty();
    }

    @Test
    void aRefusedTokenIsReportedClearlyAndNeverRetried() {
        subscribe(demo.server().baseUrl(), "not-a-token", recordingSleeper());

        await().atMost(WAIT).until(() -> events.state() == LiveStatus.State.UNAVAILABLE);
        assertThat(events.statuses.get(events.statuses.size() - 1).message())
                .isEqualTo("live updates unavailable: This token is not known to the server");
        assertThat(sleeps).as("no reconnect loop on 401").isEmpty();
    }

    /** Waits until the latest presence Bob received for each record is the one given ("actor state id"). */
    private void awaitBobSees(String... latest) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (String expected : latest) {
                String id = expected.substring(expected.lastIndexOf(' ') + 1);
                List<String> forRecord = events.presences.stream().filter(p -> p.id().equals(id))
                        .map(p -> p.actor() + " " + p.state() + " " + p.id()).toList();
                assertThat(forRecord).isNotEmpty();
                assertThat(forRecord.get(forRecord.size() - 1)).isEqualTo(expected);
            }
        });
    }

    @Test
    void presenceIsAnnouncedChangedAndLeftAndOthersSeeIt() {
        subscribeLive("demo-bob", recordingSleeper());
        PresenceAnnouncer alice = new PresenceAnnouncer(new PresenceClient(demo.server().baseUrl(), "demo-alice"));
        toClose.add(alice);

        // The server pushes presence as state (changes between two of its polls may come as one), so each
        // step waits for the state it leads to rather than for an exact sequence of events.
        alice.show(EntityKind.SUBSCRIPTION, "sub_0006", Presence.VIEWING);
        awaitBobSees("alice viewing sub_0006");
        alice.show(EntityKind.SUBSCRIPTION, "sub_0006", Presence.EDITING);
        awaitBobSees("alice editing sub_0006");
        alice.show(EntityKind.SUBSCRIPTION, "sub_0007", Presence.VIEWING);
        awaitBobSees("alice left sub_0006", "alice viewing sub_0007");
        alice.clear();
        awaitBobSees("alice left sub_0007");

        assertThat(new PresenceClient(demo.server().baseUrl(), "demo-bob").present(EntityKind.SUBSCRIPTION, "sub_0006"))
                .isEmpty();
    }

    @Test
    void aViewerWhoStartsTypingIsStillAnnouncedAsViewing() {
        subscribeLive("demo-bob", recordingSleeper());
        PresenceAnnouncer viewer = new PresenceAnnouncer(new PresenceClient(demo.server().baseUrl(), "demo-viewer"));
        toClose.add(viewer);

        viewer.show(EntityKind.SUBSCRIPTION, "sub_0008", Presence.EDITING);

        awaitBobSees("viewer viewing sub_0008");
    }
}
