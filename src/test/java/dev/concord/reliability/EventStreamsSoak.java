package dev.concord.reliability;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.server.ConcordServer;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.SseLoadClients;
import dev.concord.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 2,000 event streams on one instance through a burst of writes, a reconnect wave (half of the clients hang
 * up and come back with Last-Event-ID while writes go on) and another burst: every client must end up with
 * every write exactly once, in id order, without a reset or an overflow (issue 14).
 */
class EventStreamsSoak {
    private static final int STREAMS = 2000;
    private static final int WRITERS = 4;
    private static final int BURST = 150;
    private static final String[] TOKENS = {"demo-viewer", "demo-alice", "demo-bob", "demo-billing", "demo-admin"};
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One console: its streams over time, and the ids they received together. */
    static final class Logical {
        final String token;
        final List<SseLoadClients.Client> connections = new ArrayList<>();

        Logical(String token) {
            this.token = token;
        }

        SseLoadClients.Client current() {
            return connections.get(connections.size() - 1);
        }

        long[] ids() {
            return connections.stream().flatMapToLong(c -> Arrays.stream(c.ids())).toArray();
        }
    }

    @Test
    void everyClientGetsEveryEventExactlyOnceInOrderThroughAReconnectWave() throws Exception {
        // Five demo tokens stand for 2,000 consoles here; the per-caller cap is about real callers.
        System.setProperty("concord.events.streamsPerCaller", Integer.toString(STREAMS));
        ConcordServer server;
        try {
            server = TestServers.h2Demo();
        } finally {
            System.clearProperty("concord.events.streamsPerCaller");
        }
        URI base = URI.create(server.baseUrl());
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (server; SseLoadClients clients = new SseLoadClients(base.getHost(), base.getPort(), 2)) {
            List<Logical> consoles = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                Logical l = new Logical(TOKENS[i % TOKENS.length]);
                l.connections.add(clients.open(l.token, null));
                consoles.add(l);
                if (i % 250 == 249) {
                    await().atMost(WAIT).until(() -> consoles.stream().allMatch(c -> c.current().opened()));
                }
            }
            await().atMost(WAIT).until(() -> consoles.stream().allMatch(c -> c.current().opened()));

            ApiTestClient api = new ApiTestClient(server.baseUrl());
            long[] versions = new long[WRITERS];
            for (int w = 0; w < WRITERS; w++) {
                versions[w] = api.get("demo-viewer", path(w)).data().path("version").asLong();
            }
            AtomicInteger written = new AtomicInteger();
            burst(writers, api, versions, written);

            // The wave: every other console drops its stream and reconnects at once, while writes go on.
            List<Future<?>> during = startBurst(writers, api, versions, written);
            for (int i = 0; i < STREAMS; i += 2) {
                Logical l = consoles.get(i);
                SseLoadClients.Client old = l.current();
                old.hangUp();
                l.connections.add(clients.open(l.token, old.lastId() == null ? 0L : old.lastId()));
            }
            for (Future<?> f : during) {
                f.get();
            }
            burst(writers, api, versions, written);

            int expected = written.get();
            assertThat(expected).isEqualTo(3 * BURST);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> consoles.stream().allMatch(c -> c.ids().length >= expected));
            long[] reference = consoles.get(1).ids();
            for (Logical l : consoles) {
                long[] ids = l.ids();
                assertThat(ids).as("every write once, in order").hasSize(expected).isSorted().containsExactly(reference);
                assertThat(l.connections).noneMatch(SseLoadClients.Client::overflowed)
                        .noneMatch(SseLoadClients.Client::reset);
            }
            assertThat(Arrays.stream(reference).distinct().count()).isEqualTo(expected);
        } finally {
            writers.shutdownNow();
        }
    }

    private static String path(int writer) {
        return String.format("/api/v1/subscriptions/sub_%04d", 11 + writer);
    }

    private static void burst(ExecutorService pool, ApiTestClient api, long[] versions, AtomicInteger written)
            throws Exception {
        for (Future<?> f : startBurst(pool, api, versions, written)) {
            f.get();
        }
    }

    /** Each writer makes its share of a burst on a record of its own, one write after the other. */
    private static List<Future<?>> startBurst(ExecutorService pool, ApiTestClient api, long[] versions,
                                              AtomicInteger written) {
        List<Future<?>> out = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            out.add(pool.submit(() -> {
                for (int i = 0; i < BURST / WRITERS + (writer < BURST % WRITERS ? 1 : 0); i++) {
                    ApiTestClient.Response r = api.patch("demo-alice", path(writer),
                            patchBody(versions[writer], Map.of("notes", "soak " + writer + " " + i)));
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    versions[writer]++;
                    written.incrementAndGet();
                }
                return null;
            }));
        }
        return out;
    }
}
