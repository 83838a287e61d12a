package dev.concord.bench;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.SseLoadClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Two server instances on one PostgreSQL: how long a write made through instance A takes to reach a stream
 * open on instance B (LISTEN/NOTIFY wakes B's reader; B's fallback poll is set to a minute so only the
 * notification can deliver in time). Timed from just before the PATCH to the event's arrival.
 */
final class CrossInstanceLatency {
    /** Latencies in milliseconds, sorted, and how many writes never arrived. */
    record Result(double[] sortedMillis, int lost, int streams) {
        double pct(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, i))];
        }
    }

    private CrossInstanceLatency() {
    }

    static Result measure(int writes, int streams) throws Exception {
        EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
        System.setProperty("concord.events.pollMillis", "60000");
        ConcordServer a;
        ConcordServer b;
        try {
            a = ConcordServer.start(ServerConfig.demoOn(pg.jdbcUrl(), pg.user(), pg.password()));
            b = ConcordServer.start(ServerConfig.demoOn(pg.jdbcUrl(), pg.user(), pg.password()));
        } finally {
            System.clearProperty("concord.events.pollMillis");
        }
        HttpClient http = HttpClient.newHttpClient();
        URI onB = URI.create(b.baseUrl());
        String[] tokens = {"demo-viewer", "demo-alice", "demo-bob"};
        try (a; b; SseLoadClients clients = new SseLoadClients(onB.getHost(), onB.getPort(), 1)) {
            List<SseLoadClients.Client> open = new java.util.ArrayList<>();
            for (int i = 0; i < streams; i++) {
                open.add(clients.open(tokens[i % tokens.length], null));
            }
            waitUntil(() -> open.stream().allMatch(SseLoadClients.Client::opened), 30_000);
            String path = "/api/v1/subscriptions/sub_0002";
            long version = 1;
            double[] millis = new double[writes * streams];
            int n = 0;
            int lost = 0;
            for (int w = 1; w <= writes; w++) {
                String body = "{\"version\":" + version + ",\"changes\":{\"notes\":\"cross " + w + "\"}}";
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + path))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .header("Authorization", "Bearer demo-alice").header("Content-Type", "application/json")
                        .header("If-Match", "\"" + version + "\"").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("PATCH on A answered " + r.statusCode() + ": " + r.body());
                }
                version++;
                int expected = w;
                waitUntil(() -> open.stream().allMatch(c -> c.count() >= expected), 5_000);
                for (SseLoadClients.Client c : open) {
                    if (c.count() >= expected) {
                        millis[n++] = (c.arrivals()[expected - 1] - t0) / 1e6;
                    } else {
                        lost++;
                    }
                }
                Thread.sleep(20); // writes apart, as agents' saves are
            }
            double[] sorted = Arrays.copyOf(millis, n);
            Arrays.sort(sorted);
            return new Result(sorted, lost, streams);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(1);
        }
    }
}
