package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.domain.EntityKind;
import dev.concord.importer.ImportFormat;
import dev.concord.importer.ImportOptions;
import dev.concord.importer.ImportProgress;
import dev.concord.importer.ImportReport;
import dev.concord.importer.Importer;
import dev.concord.importer.RowResult;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.SseTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating, retiring, restoring and importing records over real HTTP against a demo server; run once per
 * database by its subclasses. Every test makes records of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LifecycleSuite {
    static final String ALICE = "demo-alice";
    static final String ADMIN = "demo-admin";
    static final String VIEWER = "demo-viewer";
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final DemoServerFixture demo = new DemoServerFixture(this::startServer);

    @TempDir
    Path dir;

    abstract ConcordServer startServer();

    static String subscription(String name) {
        return "{\"customerName\": \"" + name + "\", \"customerEmail\": \"x@example.com\", \"planId\": \"plan_basic\","
                + " \"status\": \"active\", \"amount\": \"19.99\", \"currency\": \"EUR\", \"billingCycle\": \"monthly\"}";
    }

    Response post(String token, String kind, String body, String... headers) {
        return demo.api().send("POST", token, "/api/v1/" + kind, body, "application/json", headers);
    }

    Response delete(String token, String path, String... headers) {
        return demo.api().send("DELETE", token, path, null, null, headers);
    }

    String created(String kind, String body) {
        Response r = post(ALICE, kind, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().path("id").asText();
    }

    @Test
    void aCreateGetsAnIdVersionOneAndACreateRowInTheHistory() {
        Response r = post(ALICE, "subscriptions", subscription("Ada Create"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.data().path("id").asText();
        assertThat(id).startsWith("sub_");
        assertThat(r.data().path("version").asLong()).isEqualTo(1);
        assertThat(r.data().path("tags").isArray()).isTrue();
        assertThat(r.data().path("notes").asText()).isEmpty();
        assertThat(r.data().path("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.header("Location")).isEqualTo("/api/v1/subscriptions/" + id);
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions/" + id).data().path("customerName").asText()).isEqualTo("Ada Create");
        JsonNode history = demo.api().get(ALICE, "/api/v1/subscriptions/" + id + "/history").data();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("kind").asText()).isEqualTo("create");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("alice");
        assertThat(history.get(0).path("changes").toString()).contains("customerName").contains("Ada Create");
    }

    @Test
    void aGivenIdIsKeptAndCannotBeTakenTwice() {
        String id = "sub_given_" + UUID.randomUUID().toString().substring(0, 8);
        String body = subscription("Given Id").replace("{", "{\"id\": \"" + id + "\", ");

        assertThat(post(ALICE, "subscriptions", body).data().path("id").asText()).isEqualTo(id);
        Response again = post(ALICE, "subscriptions", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ALREADY_EXISTS");
        assertThat(again.error().path("current").path("id").asText()).isEqualTo(id);

        Response badId = post(ALICE, "subscriptions", subscription("Bad Id").replace("{", "{\"id\": \"Sub 1\", "));
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.refusedFields()).containsExactly("id");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneRecord() {
        String key = UUID.randomUUID().toString();
        String name = "Retry " + key.substring(0, 8);

        Response first = post(ALICE, "subscriptions", subscription(name), "Idempotency-Key", key);
        Response second = post(ALICE, "subscriptions", subscription(name), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.data().path("id").asText()).isEqualTo(first.data().path("id").asText());
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + key.substring(0, 8)).data()).hasSize(1);
        Response reused = post(ALICE, "subscriptions", subscription(name + " other"), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aCreateIsValidatedLikeAPatchAndNamesEveryField() {
        Response missing = post(ALICE, "subscriptions", "{\"customerName\": \"Only A Name\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.refusedFields()).contains("customerEmail", "planId", "status", "amount", "currency", "billingCycle");

        Response bad = post(ALICE, "subscriptions", subscription("Bad").replace("\"19.99\"", "\"-19.99\"")
                .replace("\"EUR\"", "\"euro\"").replace("{", "{\"version\": 3, \"color\": \"red\", "));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.refusedFields()).contains("amount", "currency", "version", "color");

        Response noPlan = post(ALICE, "subscriptions", subscription("No Plan").replace("plan_basic", "plan_nope"));
        assertThat(noPlan.status()).isEqualTo(422);
        assertThat(noPlan.refusedFields()).containsExactly("planId");
        assertThat(noPlan.error().path("fields").get(0).path("code").asText()).isEqualTo("NO_SUCH_RECORD");

        assertThat(post(VIEWER, "subscriptions", subscription("Viewer")).status()).isEqualTo(403);
        assertThat(post(ALICE, "subscriptions", "{\"customerName\": ").status()).isEqualTo(400);
        assertThat(post(ALICE, "subscriptions", "[]").status()).isEqualTo(400);
        assertThat(demo.api().send("POST", ALICE, "/api/v1/subscriptions", subscription("Text"), "text/plain").status())
                .isEqualTo(415);
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=Only A Name".replace(" ", "%20")).data()).isEmpty();
    }

    @Test
    void aDeleteNeedsTheCurrentVersionAndRetiresTheRecordForGood() {
        String id = created("subscriptions", subscription("Delete Me"));
        String path = "/api/v1/subscriptions/" + id;
        assertThat(demo.api().patch(ALICE, path, ApiTestClient.patchBody(1L, java.util.Map.of("notes", "n"))).status()).isEqualTo(200);

        assertThat(delete(ALICE, path).status()).isEqualTo(428);
        Response stale = delete(ALICE, path + "?version=1");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("CONFLICT_VERSION_MISMATCH");
        assertThat(stale.error().path("current").path("version").asLong()).isEqualTo(2);
        assertThat(stale.error().path("changedSince").get(0).path("field").asText()).isEqualTo("notes");
        assertThat(delete(ALICE, path, "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(delete(ALICE, path + "?version=2", "If-Match", "\"1\"").status()).isEqualTo(400);
        // RFC 9110 as for PATCH: a weak tag never matches strongly, a tag must be quoted, * names no version.
        assertThat(delete(ALICE, path, "If-Match", "W/\"2\"").status()).isEqualTo(412);
        assertThat(delete(ALICE, path, "If-Match", "2").status()).isEqualTo(400);
        assertThat(delete(ALICE, path, "If-Match", "*").status()).isEqualTo(428);
        assertThat(delete(ALICE, path, "If-Match", "\"5\", \"1\"").status()).isEqualTo(412);
        assertThat(delete(VIEWER, path + "?version=2").status()).isEqualTo(403);
        assertThat(demo.api().get(ALICE, path).status()).isEqualTo(200);

        Response done = delete(ALICE, path, "If-Match", "\"1\", \"2\"");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.data().path("version").asLong()).isEqualTo(3);
        assertThat(done.data().path("deletedBy").asText()).isEqualTo("alice");

        assertThat(demo.api().get(ALICE, path).status()).isEqualTo(404);
        assertThat(demo.api().patch(ALICE, path, ApiTestClient.patchBody(3L, java.util.Map.of("notes", "x"))).status()).isEqualTo(404);
        assertThat(delete(ALICE, path + "?version=3").status()).isEqualTo(404);
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=Delete%20Me").data()).isEmpty();
    }

    @Test
    void aSubscriptionWithInvoicesOrAPlanInUseCannotBeRetired() {
        String plan = created("plans", "{\"name\": \"Dep Plan\", \"tier\": \"t\", \"price\": \"5.00\", \"currency\": \"EUR\","
                + " \"billingCycle\": \"monthly\", \"active\": true}");
        String sub = created("subscriptions", subscription("Dep Sub").replace("plan_basic", plan));
        String inv = created("invoices", "{\"number\": \"DEP-1\", \"subscriptionId\": \"" + sub + "\", \"status\": \"open\","
                + " \"total\": \"5.00\", \"currency\": \"EUR\"}");

        Response subRefused = delete(ALICE, "/api/v1/subscriptions/" + sub + "?version=1");
        assertThat(subRefused.status()).isEqualTo(409);
        assertThat(subRefused.errorCode()).isEqualTo("HAS_DEPENDENTS");
        assertThat(subRefused.error().path("message").asText()).contains(inv);
        assertThat(subRefused.error().path("dependents").get(0).path("entity").asText()).isEqualTo("invoices");
        Response planRefused = delete(ALICE, "/api/v1/plans/" + plan + "?version=1");
        assertThat(planRefused.errorCode()).isEqualTo("HAS_DEPENDENTS");
        assertThat(planRefused.error().path("message").asText()).contains(sub);

        assertThat(delete(ALICE, "/api/v1/invoices/" + inv + "?version=1").status()).isEqualTo(200);
        assertThat(delete(ALICE, "/api/v1/subscriptions/" + sub + "?version=1").status()).isEqualTo(200);
        // The invoice cannot come back while its subscription is retired.
        Response orphan = demo.api().send("POST", ADMIN, "/api/v1/invoices/" + inv + "/restore", "{\"reason\": \"oops\"}",
                "application/json");
        assertThat(orphan.status()).isEqualTo(422);
        assertThat(orphan.refusedFields()).containsExactly("subscriptionId");
    }

    @Test
    void anAdminRestoresARetiredRecordWithAReason() {
        String id = created("subscriptions", subscription("Restore Me"));
        String path = "/api/v1/subscriptions/" + id;
        assertThat(delete(ALICE, path + "?version=1").status()).isEqualTo(200);

        assertThat(demo.api().send("POST", ALICE, path + "/restore", "{\"reason\": \"r\"}", "application/json").status()).isEqualTo(403);
        Response noReason = demo.api().send("POST", ADMIN, path + "/restore", "{}", "application/json");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.refusedFields()).containsExactly("reason");
        Response restored = demo.api().send("POST", ADMIN, path + "/restore", "{\"reason\": \"retired by mistake\"}",
                "application/json");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.data().path("version").asLong()).isEqualTo(3);

        assertThat(demo.api().get(ALICE, path).data().path("customerName").asText()).isEqualTo("Restore Me");
        JsonNode history = demo.api().get(ALICE, path + "/history").data();
        assertThat(history.get(0).path("kind").asText()).isEqualTo("restore");
        assertThat(history.get(0).path("reason").asText()).isEqualTo("retired by mistake");
        assertThat(history.get(1).path("kind").asText()).isEqualTo("delete");
        Response again = demo.api().send("POST", ADMIN, path + "/restore", "{\"reason\": \"x\"}", "application/json");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("NOT_DELETED");
        assertThat(demo.api().get(ALICE, path + "/versions/1").data().path("customerName").asText()).isEqualTo("Restore Me");
    }

    @Test
    void createsAndDeletesAreChangeEvents() {
        try (SseTestClient events = SseTestClient.connect(demo.server().baseUrl(), VIEWER, null)) {
            await().atMost(WAIT).until(() -> !events.comments().isEmpty());
            String id = created("subscriptions", subscription("Evented"));
            assertThat(delete(ALICE, "/api/v1/subscriptions/" + id + "?version=1").status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> events.events("change").stream()
                    .filter(e -> e.json().path("id").asText().equals(id)).count() >= 2);
            assertThat(events.events("change").stream().filter(e -> e.json().path("id").asText().equals(id))
                    .map(e -> e.json().path("kind").asText() + "@" + e.json().path("version").asLong()))
                    .containsExactly("create@1", "delete@2");
        }
    }

    @Test
    void anImportWritesThroughTheSameCodeAndNeverOverwritesAStaleVersion() throws IOException {
        String existing = created("subscriptions", subscription("Import Existing"));
        assertThat(demo.api().patch(ALICE, "/api/v1/subscriptions/" + existing,
                ApiTestClient.patchBody(1L, java.util.Map.of("notes", "moved on"))).status()).isEqualTo(200);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = dir.resolve("subs.csv");
        Files.writeString(csv, "id,version,customerName,customerEmail,planId,status,amount,currency,billingCycle,tags\n"
                + ",,Imported " + tag + ",a@example.com,plan_basic,active,9.99,EUR,monthly,\"a,b\"\n"
                + existing + ",1,Stale " + tag + ",a@example.com,plan_basic,active,9.99,EUR,monthly,\n"
                + existing + ",2,Fresh " + tag + ",a@example.com,plan_basic,active,19.99,EUR,monthly,\n"
                + ",,Bad " + tag + ",a@example.com,plan_nope,active,9.99,EUR,monthly,\n");

        ImportReport dry = importFile(csv, true);
        assertThat(dry.count(RowResult.Status.CREATED)).isEqualTo(1);
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + tag).data()).isEmpty();

        ImportReport report = importFile(csv, false);

        assertThat(report.count(RowResult.Status.CREATED)).isEqualTo(1);
        assertThat(report.count(RowResult.Status.UPDATED)).isEqualTo(1);
        assertThat(report.problems()).extracting(RowResult::row, RowResult::status, RowResult::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, RowResult.Status.CONFLICT, null),
                        org.assertj.core.groups.Tuple.tuple(5, RowResult.Status.INVALID, "planId"));
        JsonNode now = demo.api().get(ALICE, "/api/v1/subscriptions/" + existing).data();
        assertThat(now.path("customerName").asText()).isEqualTo("Fresh " + tag);
        assertThat(now.path("version").asLong()).isEqualTo(3);
        assertThat(now.path("updatedBy").asText()).isEqualTo("import");
        JsonNode found = demo.api().get(ALICE, "/api/v1/subscriptions?q=Imported%20" + tag).data();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions/" + found.get(0).path("id").asText() + "/history").data()
                .get(0).path("kind").asText()).isEqualTo("create");
    }

    @Test
    void anAtomicImportWithOneBadRowWritesNothing() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path jsonl = dir.resolve("subs.jsonl");
        Files.writeString(jsonl, subscription("Atomic " + tag) + "\n"
                + subscription("Atomic bad " + tag).replace("\"19.99\"", "\"-1\"") + "\n");

        ImportReport report = new Importer(target(), ImportProgress.NONE).run(jsonl,
                new ImportOptions(EntityKind.SUBSCRIPTION, ImportFormat.JSON_LINES, 500, false, true));

        assertThat(report.rolledBack()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("amount");
        });
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + tag).data()).isEmpty();
    }

    private ImportReport importFile(Path csv, boolean dryRun) {
        try (RecordImport target = target()) {
            return new Importer(target, ImportProgress.NONE).run(csv,
                    new ImportOptions(EntityKind.SUBSCRIPTION, ImportFormat.CSV, 2, dryRun, false));
        }
    }

    private RecordImport target() {
        ServerConfig c = demo.server().config();
        return RecordImport.open(c.effectiveJdbcUrl(), c.dbUser(), c.dbPassword(), "import");
    }
}
