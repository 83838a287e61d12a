package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.client.ConcordApi;
import dev.concord.client.ServerUnreachableException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import dev.concord.testing.ApiTestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The black-box lost-update load through the sync core: N coordinators (each its own user folder, as N
 * consoles would be) each make K edits of one subscription, every edit appending one line of its own to
 * the notes, from whatever record that console last saw. The line-level merge keeps both sides of an
 * append-append race, so no edit may be lost and none may be written twice: at the end every line is
 * there exactly once, and the record went up exactly one version per edit with one change-log row each.
 *
 * <p>A counter would not do through the coordinator: "set amount to 11" by two agents is the same value,
 * which a field-level merge rightly treats as agreement, not as two increments.
 */
final class NoteAppenders {
    static final String ID = "sub_0042";
    static final String PATH = "/api/v1/subscriptions/" + ID;

    /** What happened to the edits, for the test's own assertions. */
    record Tally(int saved, int rebasedOrRetried, int conflicts, int keptPending, Map<String, Integer> pendingReasons) {
    }

    private final List<SyncServices> clients;
    private final int edits;
    private final AtomicInteger saved = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, Integer> pendingReasons = new ConcurrentHashMap<>();

    NoteAppenders(List<SyncServices> clients, int edits) {
        this.clients = clients;
        this.edits = edits;
    }

    /** One client per API, each with a user folder of its own under {@code home}. */
    static List<SyncServices> clients(Path home, List<ConcordApi> apis) {
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};
        List<SyncServices> out = new ArrayList<>();
        for (int i = 0; i < apis.size(); i++) {
            out.add(SyncServices.forUser(apis.get(i), tokens[i % tokens.length], home.resolve("client-" + i)));
        }
        return out;
    }

    static String line(int writer, int edit) {
        return "w" + writer + "-e" + edit;
    }

    /**
     * Runs every client's edits at once. {@code onEach} sees each outcome (e.g. to stop a server after
     * some saves). An edit kept as pending stays in its client's store; one refused after too many
     * rebases is made again on a fresh base, as the agent would after the message.
     */
    Tally run(Function<SaveOutcome, Void> onEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < clients.size(); w++) {
            int writer = w;
            SyncServices client = clients.get(w);
            done.add(pool.submit(() -> {
                go.await();
                Entity seen = client.api().get(EntityKind.SUBSCRIPTION, ID);
                for (int e = 0; e < edits; e++) {
                    seen = editOnce(client, writer, e, seen, onEach);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(240, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return new Tally(saved.get(), retried.get(), conflicts.get(), pending.get(), Map.copyOf(pendingReasons));
    }

    private Entity editOnce(SyncServices client, int writer, int edit, Entity seen, Function<SaveOutcome, Void> onEach) {
        Entity base = seen;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                base = client.api().get(EntityKind.SUBSCRIPTION, ID);
            } catch (ServerUnreachableException | dev.concord.client.RateLimitedException down) {
                // The console still shows the record it loaded last; the agent edits that. (A stopping
                // server answers requests on kept-alive connections with 503 and a retry hint.)
            }
            String notes = (String) base.values().get("notes");
            SaveOutcome outcome = client.coordinator().save(base, base.values().with("notes", notes + line(writer, edit) + "\n"));
            onEach.apply(outcome);
            if (outcome instanceof SaveOutcome.Saved s) {
                saved.incrementAndGet();
                return s.entity();
            }
            if (outcome instanceof SaveOutcome.Pending p) {
                pending.incrementAndGet();
                pendingReasons.merge(p.reason().code() + " " + p.reason().detail(), 1, Integer::sum);
                return base;
            }
            if (outcome instanceof SaveOutcome.NeedsResolution) {
                conflicts.incrementAndGet();
                return base;
            }
            retried.incrementAndGet();
        }
        throw new AssertionError("edit " + line(writer, edit) + " did not land in 50 tries");
    }

    /**
     * The record holds every line exactly once after the initial notes, its version went up by exactly
     * {@code writes}, and the change log has one update row per version, contiguous.
     */
    static void assertEveryEditLandedOnce(ApiTestClient api, String initialNotes, long initialVersion, int writers, int edits) {
        assertEveryEditLandedOnce(api, initialNotes, initialVersion, writers, edits, 0);
    }

    /** As above, when {@code otherWrites} writes of other fields (e.g. forced ones) happened meanwhile. */
    static void assertEveryEditLandedOnce(ApiTestClient api, String initialNotes, long initialVersion, int writers, int edits,
                                          int otherWrites) {
        JsonNode record = api.get("demo-viewer", PATH).data();
        String notes = record.path("notes").asText();
        assertThat(notes).startsWith(initialNotes);
        List<String> lines = List.of(notes.substring(initialNotes.length()).split("\n"));
        List<String> expected = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            for (int e = 0; e < edits; e++) {
                expected.add(line(w, e));
            }
        }
        assertThat(lines).as("every edit's line, once").containsExactlyInAnyOrderElementsOf(expected);
        long last = record.path("version").asLong();
        assertThat(last).as("one version per edit: nothing applied twice").isEqualTo(initialVersion + (long) writers * edits + otherWrites);
        Map<Long, Integer> rows = new TreeMap<>();
        for (JsonNode e : api.history("demo-viewer", PATH)) {
            if (!e.path("kind").asText().equals("conflict") && !e.path("kind").asText().equals("rebased")) {
                rows.merge(e.path("version").asLong(), 1, Integer::sum);
            }
        }
        Map<Long, Integer> oneEach = new TreeMap<>();
        for (long v = 2; v <= last; v++) {
            oneEach.put(v, 1);
        }
        assertThat(rows).as("one change-log row per version, contiguous").isEqualTo(oneEach);
    }
}
