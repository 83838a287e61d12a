package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.ApiTestClient.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP contract of issue 2 over real HTTP against a demo server; run once per database by its
 * subclasses. Each test edits records of its own, so the order of tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractSuite {
    static final String ALICE = "demo-alice";
    static final String BOB = "demo-bob";
    static final String ADMIN = "demo-admin";
    static final String VIEWER = "demo-viewer";

    /** Started before the first test on the database the subclass picks. */
    @RegisterExtension
    final DemoServerFixture demo = new DemoServerFixture(this::startServer);

    abstract ConcordServer startServer();

    static String sub(String id) {
        return "/api/v1/subscriptions/" + id;
    }

    long versionOf(String path) {
        Response r = demo.api().get(ALICE, path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("version").asLong();
    }

    // ----- reads -----

    @Test
    void healthAnswersWithoutToken() {
        Response r = demo.api().get(null, "/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("success").asBoolean()).isTrue();
        assertThat(r.data().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void meNamesTheActorAndRoleOfTheToken() {
        Map<String, String> expected = Map.of(ALICE, "alice/agent", BOB, "bob/agent", "demo-billing", "billing-bot/agent",
                ADMIN, "admin/admin", VIEWER, "viewer/viewer");
        expected.forEach((token, who) -> {
            Response r = demo.api().get(token, "/api/v1/me");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().path("actor").asText() + "/" + r.data().path("role").asText()).isEqualTo(who);
        });
    }

    @Test
    void everyAnswerCarriesTheEnvelopeMeta() {
        Response r = demo.api().send("GET", ALICE, sub("sub_0001"), null, null, "X-Request-Id", "test-req-42");
        JsonNode meta = r.json().path("meta");
        assertThat(meta.path("requestId").asText()).isEqualTo("test-req-42");
        assertThat(r.header("X-Request-Id")).isEqualTo("test-req-42");
        assertThat(meta.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(meta.path("timestamp").asText()).endsWith("Z");
        Response err = demo.api().get(ALICE, sub("sub_9999"));
        assertThat(err.json().path("success").asBoolean()).isFalse();
        assertThat(err.json().path("meta").path("requestId").asText()).isNotBlank();
    }

    @Test
    void listPagesThroughEverySubscriptionWithCursors() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response r = demo.api().get(VIEWER, "/api/v1/subscriptions?limit=25" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.data().forEach(s -> {
                assertThat(seen.add(s.path("id").asText())).as("no duplicates across pages").isTrue();
                order.add(s.path("id").asText());
            });
            assertThat(r.data().size()).isLessThanOrEqualTo(25);
            JsonNode next = r.json().path("meta").path("nextCursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(DemoSeed.SUBSCRIPTIONS).contains("sub_0001", "sub_0050", "sub_0060");
        assertThat(order).isSorted();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listDefaultsToFiftyAndCountsPlansAndInvoices() {
        assertThat(demo.api().get(VIEWER, "/api/v1/subscriptions").data().size()).isEqualTo(50);
        assertThat(demo.api().get(VIEWER, "/api/v1/plans").data().size()).isEqualTo(5);
        Response inv = demo.api().get(VIEWER, "/api/v1/invoices?limit=200");
        assertThat(inv.data().size()).isEqualTo(DemoSeed.INVOICES);
        assertThat(inv.json().path("meta").has("nextCursor")).isFalse();
    }

    @Test
    void listSearchesIdCustomerEmailAndNotesAndFiltersByStatus() {
        JsonNode one = demo.api().get(VIEWER, sub("sub_0007")).data();
        String email = one.path("customerEmail").asText();
        Response byEmail = demo.api().get(VIEWER, "/api/v1/subscriptions?q=" + email.toUpperCase());
        assertThat(ids(byEmail)).containsExactly("sub_0007");

        Response byNotes = demo.api().get(VIEWER, "/api/v1/subscriptions?limit=200&q=chargeback");
        assertThat(byNotes.data().size()).isPositive();
        byNotes.data().forEach(s -> assertThat(s.path("notes").asText().toLowerCase()).contains("chargeback"));

        Response paused = demo.api().get(VIEWER, "/api/v1/subscriptions?limit=200&status=paused");
        assertThat(paused.data().size()).isPositive();
        paused.data().forEach(s -> assertThat(s.path("status").asText()).isEqualTo("paused"));

        assertThat(ids(demo.api().get(VIEWER, "/api/v1/subscriptions?q=100%25_"))).isEmpty();
    }

    @Test
    void listRefusesBadParametersWith400() {
        for (String query : List.of("status=sleeping", "limit=0", "limit=201", "limit=ten", "cursor=bogus!")) {
            Response r = demo.api().get(VIEWER, "/api/v1/subscriptions?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("BAD_REQUEST");
        }
        assertThat(demo.api().get(VIEWER, "/api/v1/plans?status=active").status()).isEqualTo(400);
    }

    @Test
    void getAnswersTheRecordWithItsVersionAsETag() {
        Response r = demo.api().get(VIEWER, sub("sub_0002"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"" + r.data().path("version").asLong() + "\"");
        assertThat(r.data().path("amount").isTextual()).as("money travels as a string").isTrue();
        assertThat(r.data().path("notes").asText()).contains("\n");
        assertThat(demo.api().get(VIEWER, "/api/v1/plans/plan_pro").data().path("features").isArray()).isTrue();
        assertThat(demo.api().get(VIEWER, "/api/v1/invoices/inv_0001").data().path("number").asText()).startsWith("INV-");
    }

    @Test
    void unknownRecordsAndRoutesAre404() {
        assertThat(demo.api().get(VIEWER, sub("sub_9999")).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(demo.api().get(VIEWER, sub("sub_9999")).status()).isEqualTo(404);
        assertThat(demo.api().get(VIEWER, sub("sub_9999") + "/history").status()).isEqualTo(404);
        assertThat(demo.api().get(VIEWER, sub("sub_9999") + "/versions/1").status()).isEqualTo(404);
        assertThat(demo.api().get(VIEWER, "/api/v1/nothing-here").status()).isEqualTo(404);
        assertThat(demo.api().get(VIEWER, sub("sub_0001%27%3B%20DROP%20TABLE")).status()).isEqualTo(404);
    }

    // ----- the versioned write -----

    @Test
    void patchWithCurrentVersionSavesAndBumpsTheVersion() {
        String path = sub("sub_0010");
        long v = versionOf(path);
        Response r = demo.api().patch(ALICE, path, patchBody(v, Map.of("status", "paused", "notes", "line 1\nline 2\n")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("version").asLong()).isEqualTo(v + 1);
        assertThat(r.header("ETag")).isEqualTo("\"" + (v + 1) + "\"");
        assertThat(r.data().path("updatedBy").asText()).isEqualTo("alice");
        JsonNode stored = demo.api().get(VIEWER, path).data();
        assertThat(stored.path("status").asText()).isEqualTo("paused");
        assertThat(stored.path("notes").asText()).isEqualTo("line 1\nline 2\n");
        assertThat(stored.path("version").asLong()).isEqualTo(v + 1);
    }

    @Test
    void staleVersionIs409WithCurrentRecordAndWhatChangedInWords() {
        String path = sub("sub_0011");
        long v = versionOf(path);
        JsonNode before = demo.api().get(VIEWER, path).data();
        String newStatus = before.path("status").asText().equals("past_due") ? "trialing" : "past_due";
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("status", newStatus, "notes", "bob was here\n"))).status())
                .isEqualTo(200);

        Response r = demo.api().patch(ALICE, path, patchBody(v, Map.of("amount", "1.00")));

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        JsonNode e = r.error();
        assertThat(e.path("code").asText()).isEqualTo("CONFLICT_VERSION_MISMATCH");
        assertThat(e.path("version").asLong()).isEqualTo(v + 1);
        assertThat(e.path("current").path("status").asText()).isEqualTo(newStatus);
        assertThat(e.path("current").path("amount").asText()).isEqualTo(before.path("amount").asText());
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        e.path("changedSince").forEach(f -> changed.put(f.path("field").asText(), f));
        assertThat(changed.keySet()).containsExactly("status", "notes");
        assertThat(changed.get("status").path("baseValue").asText()).isEqualTo(before.path("status").asText());
        assertThat(changed.get("status").path("currentValue").asText()).isEqualTo(newStatus);
        assertThat(changed.get("status").path("changedBy").asText()).isEqualTo("bob");
        assertThat(changed.get("notes").path("changedAt").asText()).isNotBlank();
        assertThat(e.path("message").asText()).contains("Bob changed status and notes just now");
        assertThat(demo.api().get(VIEWER, path).data().path("version").asLong()).as("nothing written").isEqualTo(v + 1);
        JsonNode newest = demo.api().get(VIEWER, path + "/history").data().get(0);
        assertThat(newest.path("kind").asText()).isEqualTo("conflict");
        assertThat(newest.path("actor").asText()).isEqualTo("alice");
        assertThat(newest.path("changes").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(newest.path("changes").get(0).path("to").asText()).isEqualTo("1.00");
    }

    @Test
    void ifMatchAloneWorksAndAStaleOneIs412() {
        String path = sub("sub_0012");
        long v = versionOf(path);
        Response ok = demo.api().patch(ALICE, path, "{\"changes\":{\"notes\":\"if-match 1\"}}", "If-Match", "\"" + v + "\"");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        Response stale = demo.api().patch(ALICE, path, "{\"changes\":{\"notes\":\"if-match 2\"}}", "If-Match", "\"" + v + "\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("CONFLICT_VERSION_MISMATCH");
        assertThat(stale.error().path("current").path("notes").asText()).isEqualTo("if-match 1");
        Response both = demo.api().patch(ALICE, path, patchBody(v + 1, Map.of("notes", "if-match 3")),
                "If-Match", "\"" + (v + 1) + "\"");
        assertThat(both.status()).isEqualTo(200);
    }

    @Test
    void bodyAndIfMatchThatDisagreeAre400() {
        String path = sub("sub_0013");
        long v = versionOf(path);
        // If-Match holds (the record is at v) but the body names another version: a contradiction, 400.
        Response r = demo.api().patch(ALICE, path, patchBody(v - 1 < 1 ? v + 1 : v - 1, Map.of("notes", "disagree")),
                "If-Match", "\"" + v + "\"");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VERSION_HEADER_MISMATCH");
        // If-Match fails: RFC 9110 says 412 whatever the body says.
        Response failed = demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", "disagree")), "If-Match", "\"" + (v + 1) + "\"");
        assertThat(failed.status()).isEqualTo(412);
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void noVersionAtAllIs428() {
        String path = sub("sub_0014");
        long v = versionOf(path);
        Response r = demo.api().patch(ALICE, path, "{\"changes\":{\"status\":\"paused\"}}");
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.errorCode()).isEqualTo("PRECONDITION_REQUIRED");
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void badVersionsAre400() {
        String path = sub("sub_0015");
        long v = versionOf(path);
        for (String version : List.of("-1", "0", "1.5", "\"7\"", "true", "99999999999999999999999")) {
            Response r = demo.api().patch(ALICE, path, "{\"version\":" + version + ",\"changes\":{\"status\":\"paused\"}}");
            assertThat(r.status()).as(version).isEqualTo(400);
            assertThat(r.errorCode()).as(version).isEqualTo("INVALID_VERSION");
        }
        for (String ifMatch : List.of("-3", "abc", "\"7")) {
            Response r = demo.api().patch(ALICE, path, "{\"changes\":{\"status\":\"paused\"}}", "If-Match", ifMatch);
            assertThat(r.status()).as(ifMatch).isEqualTo(400);
        }
        assertThat(demo.api().get(VIEWER, path + "/versions/0").status()).isEqualTo(400);
        assertThat(demo.api().get(VIEWER, path + "/versions/abc").status()).isEqualTo(400);
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void forceOverrideIsForAdminsWithAReason() {
        String path = sub("sub_0016");
        long v = versionOf(path);
        String before = demo.api().get(VIEWER, path).data().path("amount").asText();
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("amount", "30.00"))).status()).isEqualTo(200);
        String body = patchBody(v, Map.of("amount", "25.00"));

        Response agent = demo.api().patch(ALICE, path + "?force=true", body, "X-Override-Reason", "why not");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.errorCode()).isEqualTo("FORBIDDEN");
        Response noReason = demo.api().patch(ADMIN, path + "?force=true", body);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorCode()).isEqualTo("OVERRIDE_REASON_REQUIRED");
        assertThat(versionOf(path)).isEqualTo(v + 1);

        Response forced = demo.api().patch(ADMIN, path + "?force=true", body, "X-Override-Reason", "Refund agreed by phone");
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.data().path("amount").asText()).isEqualTo("25.00");
        assertThat(forced.data().path("version").asLong()).isEqualTo(v + 2);
        JsonNode entry = demo.api().get(VIEWER, path + "/history").data().get(0);
        assertThat(entry.path("kind").asText()).isEqualTo("override");
        assertThat(entry.path("reason").asText()).isEqualTo("Refund agreed by phone");
        assertThat(entry.path("actor").asText()).isEqualTo("admin");
        JsonNode change = entry.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("amount");
        assertThat(change.path("base").asText()).as("base").isEqualTo(before);
        assertThat(change.path("from").asText()).as("theirs").isEqualTo("30.00");
        assertThat(change.path("to").asText()).as("yours").isEqualTo("25.00");
    }

    @Test
    void versionsRebuildEveryEarlierStateFromTheChangeLog() {
        String path = sub("sub_0017");
        List<JsonNode> snapshots = new ArrayList<>();
        snapshots.add(demo.api().get(VIEWER, path).data());
        long v = snapshots.get(0).path("version").asLong();
        snapshots.add(demo.api().patch(ALICE, path, patchBody(v, Map.of("status", "paused", "tags", List.of("vip", "beta"))))
                .data());
        demo.api().patch(BOB, path, patchBody(v, Map.of("status", "active"))); // refused: must not show up in versions
        snapshots.add(demo.api().patch(BOB, path, patchBody(v + 1, Map.of("notes", "rewritten\n", "nextBillingDate", "2027-01-31")))
                .data());
        snapshots.add(demo.api().patch(ALICE, path, patchBody(v + 2, Map.of("nextBillingDate", "2027-02-28", "amount", "0.50")))
                .data());
        for (JsonNode expected : snapshots) {
            long n = expected.path("version").asLong();
            Response r = demo.api().get(VIEWER, path + "/versions/" + n);
            assertThat(r.status()).as("version " + n).isEqualTo(200);
            assertThat(r.data()).as("version " + n).isEqualTo(expected);
        }
        assertThat(demo.api().get(VIEWER, path + "/versions/" + (v + 4)).status()).isEqualTo(404);
    }

    @Test
    void historyListsEveryWriteNewestFirstWithFieldDiffs() {
        String path = sub("sub_0018");
        long v = versionOf(path);
        demo.api().patch(ALICE, path, patchBody(v, Map.of("status", "paused")));
        demo.api().patch(BOB, path, patchBody(v + 1, Map.of("customerName", "New Name", "status", "paused")));
        JsonNode h = demo.api().get(VIEWER, path + "/history").data();
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.get(0).path("version").asLong()).isEqualTo(v + 2);
        assertThat(h.get(0).path("actor").asText()).isEqualTo("bob");
        assertThat(h.get(0).path("kind").asText()).isEqualTo("update");
        assertThat(h.get(0).path("changes").size()).as("unchanged status is not a change").isEqualTo(1);
        assertThat(h.get(0).path("changes").get(0).path("to").asText()).isEqualTo("New Name");
        assertThat(h.get(1).path("changes").get(0).path("field").asText()).isEqualTo("status");
        assertThat(h.get(0).path("seq").asLong()).isGreaterThan(h.get(1).path("seq").asLong());
    }

    @Test
    void plansAndInvoicesAreVersionedTheSameWay() {
        long pv = versionOf("/api/v1/plans/plan_basic");
        Response plan = demo.api().patch(ALICE, "/api/v1/plans/plan_basic",
                patchBody(pv, Map.of("features", List.of("Chat support", "2 seats"), "active", false, "price", "10.49")));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.data().path("price").asText()).isEqualTo("10.49");
        assertThat(demo.api().patch(BOB, "/api/v1/plans/plan_basic", patchBody(pv, Map.of("active", true))).status())
                .isEqualTo(409);
        long iv = versionOf("/api/v1/invoices/inv_0020");
        Response inv = demo.api().patch(ALICE, "/api/v1/invoices/inv_0020", patchBody(iv, Map.of("status", "void")));
        assertThat(inv.status()).isEqualTo(200);
        assertThat(demo.api().patch(ALICE, "/api/v1/invoices/inv_0020", patchBody(iv, Map.of("status", "paid"))).status())
                .isEqualTo(409);
        assertThat(demo.api().get(VIEWER, "/api/v1/invoices/inv_0020/versions/" + iv).data().path("status").asText())
                .isNotEqualTo("void");
    }

    // ----- bad input -----

    @Test
    void malformedJsonIs400AndChangesNothing() {
        String path = sub("sub_0020");
        long v = versionOf(path);
        for (String body : List.of("{\"version\":1,", "not json", "", "{\"version\":1,\"version\":2,\"changes\":{}}")) {
            Response r = demo.api().patch(ALICE, path, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.errorCode()).as(body).isEqualTo("MALFORMED_JSON");
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.concord");
        }
        assertThat(demo.api().patch(ALICE, path, "[1,2]").status()).isEqualTo(400);
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String path = sub("sub_0021");
        long v = versionOf(path);
        String huge = patchBody(v, Map.of("notes", "x".repeat(1024 * 1024 + 10)));
        Response r = demo.api().patch(ALICE, path, huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void wrongOrMissingContentTypeIs415() {
        String path = sub("sub_0022");
        long v = versionOf(path);
        String body = patchBody(v, Map.of("status", "paused"));
        Response text = demo.api().send("PATCH", ALICE, path, body, "text/plain");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(demo.api().send("PATCH", ALICE, path, body, null).status()).isEqualTo(415);
        assertThat(demo.api().send("PATCH", ALICE, path, body, "application/json; charset=utf-8").status()).isEqualTo(200);
    }

    @Test
    void refusedFieldsAre422WithEveryFieldNamed() {
        String path = sub("sub_0023");
        long v = versionOf(path);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("nickname", "x");                  // unknown
        bad.put("version", 3);                     // read-only
        bad.put("createdAt", "2020-01-01T00:00:00Z"); // read-only
        bad.put("cancelAtPeriodEnd", "yes");       // wrong type
        bad.put("status", "sleeping");             // bad enum
        bad.put("amount", "-5.00");                // negative amount
        bad.put("currency", "euro");               // bad currency
        bad.put("nextBillingDate", "2026-02-30");  // bad date
        bad.put("planId", "plan_nope");            // shape ok, but no such plan
        Response r = demo.api().patch(ALICE, path, patchBody(v, bad));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.refusedFields()).containsExactlyInAnyOrder("nickname", "version", "createdAt", "cancelAtPeriodEnd",
                "status", "amount", "currency", "nextBillingDate");
        Map<String, String> codes = new LinkedHashMap<>();
        r.error().path("fields").forEach(f -> codes.put(f.path("field").asText(), f.path("code").asText()));
        assertThat(codes).containsEntry("nickname", "UNKNOWN_FIELD").containsEntry("version", "READ_ONLY")
                .containsEntry("status", "INVALID_VALUE");

        Response unknownPlan = demo.api().patch(ALICE, path, patchBody(v, Map.of("planId", "plan_nope")));
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.refusedFields()).containsExactly("planId");
        Response tooPrecise = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"changes\":{\"amount\":19.999}}");
        assertThat(tooPrecise.refusedFields()).containsExactly("amount");
        Response topLevel = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"status\":\"paused\"}");
        assertThat(topLevel.status()).isEqualTo(422);
        assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of())).status()).isEqualTo(422);
        assertThat(versionOf(path)).isEqualTo(v);
        assertThat(demo.api().get(VIEWER, path + "/history").data().size()).as("no change-log rows").isZero();
    }

    @Test
    void textWithANulCharacterIs422NotADatabaseError() {
        String path = sub("sub_0024");
        long v = versionOf(path);
        Response r = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"changes\":{\"notes\":\"a\\u0000b\","
                + "\"tags\":[\"ok\",\"x\\u0000\"]}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.refusedFields()).containsExactlyInAnyOrder("notes", "tags");
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void noClientMistakeGetsA5xxOrAStackTrace() {
        String path = sub("sub_0025");
        long v = versionOf(path);
        List<String> bodies = List.of("null", "true", "\"text\"", "{}", "{\"changes\":null}", "{\"changes\":[]}",
                "{\"version\":1e400,\"changes\":{}}", "{\"version\":" + v + ",\"changes\":{\"tags\":\"vip\"}}",
                "{\"version\":" + v + ",\"changes\":{\"tags\":[1,2]}}",
                "{\"version\":" + v + ",\"changes\":{\"notes\":{\"nested\":true}}}",
                "{\"version\":" + v + ",\"changes\":{\"customerName\":\"" + "n".repeat(5000) + "\"}}",
                "{\"version\":" + v + ",\"changes\":{\"amount\":\"1e9999\"}}",
                "{\"version\":" + v + ",\"changes\":{\"nextBillingDate\":\"+999999999-12-31\"}}",
                "[".repeat(5000), "{\"version\":" + v + ",\"changes\":{\"status\":\"paused\"}",
                "\u0000\u0001", "{\"version\":" + v + ",\"changes\":{\"\":1}}");
        for (String body : bodies) {
            Response r = demo.api().patch(ALICE, path, body);
            assertThat(r.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("\tat ");
        }
        List<String> paths = List.of(sub("sub_0025") + "/versions/99999999999999999999", sub("x".repeat(300)),
                "/api/v1/subscriptions?limit=99999999999999", "/api/v1/subscriptions?cursor=" + "A".repeat(500),
                "/api/v1/subscriptions?q=" + "%25".repeat(300), sub("sub_0025") + "/history/extra");
        for (String p : paths) {
            Response r = demo.api().get(ALICE, p);
            assertThat(r.status()).as(p).isBetween(400, 499);
        }
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void patchOfUnknownIdIs404() {
        Response r = demo.api().patch(ALICE, sub("sub_9999"), patchBody(1L, Map.of("status", "paused")));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
    }

    // ----- auth -----

    @Test
    void authMatrix() {
        String path = sub("sub_0030");
        record Case(String token, String what, int expected) {
        }
        List<Case> cases = List.of(
                new Case(null, "read", 401), new Case("wrong-token", "read", 401),
                new Case(VIEWER, "read", 200), new Case(ALICE, "read", 200), new Case(ADMIN, "read", 200),
                new Case(null, "edit", 401), new Case(VIEWER, "edit", 403), new Case(ALICE, "edit", 200),
                new Case(BOB, "edit", 200), new Case(ADMIN, "edit", 200),
                new Case(VIEWER, "force", 403), new Case(ALICE, "force", 403), new Case(ADMIN, "force", 200));
        for (Case c : cases) {
            Response r = switch (c.what()) {
                case "read" -> demo.api().get(c.token(), path);
                case "edit" -> demo.api().patch(c.token(), path, patchBody(versionOf(path), Map.of("notes", "by " + c.token())));
                default -> demo.api().patch(c.token(), path + "?force=true", patchBody(1L, Map.of("notes", "forced")),
                        "X-Override-Reason", "test");
            };
            assertThat(r.status()).as(c.toString()).isEqualTo(c.expected());
            if (c.expected() == 401) {
                assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
                assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            }
            if (c.expected() == 403) {
                assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(demo.api().send("GET", null, path, null, null, "Authorization", "Basic YWxpY2U6cHc=").status()).isEqualTo(401);
    }

    // ----- idempotency -----

    @Test
    void repeatedPatchWithSameKeyReturnsTheFirstAnswerAndWritesOnce() {
        String path = sub("sub_0031");
        long v = versionOf(path);
        String body = patchBody(v, Map.of("status", "paused"));
        Response first = demo.api().patch(ALICE, path, body, "Idempotency-Key", "key-0031");
        Response again = demo.api().patch(ALICE, path, body, "Idempotency-Key", "key-0031");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).as("no false conflict").isEqualTo(200);
        assertThat(again.data()).isEqualTo(first.data());
        // The replay sends the stored bytes of the first answer's record, not a re-serialization of them.
        assertThat(rawData(again.body())).isEqualTo(rawData(first.body()));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(versionOf(path)).isEqualTo(v + 1);
        assertThat(demo.api().get(VIEWER, path + "/history").data().size()).isEqualTo(1);

        // Still the first answer after someone else wrote.
        demo.api().patch(BOB, path, patchBody(v + 1, Map.of("status", "active")));
        Response later = demo.api().patch(ALICE, path, body, "Idempotency-Key", "key-0031");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.data().path("version").asLong()).isEqualTo(v + 1);
        assertThat(versionOf(path)).isEqualTo(v + 2);
    }

    /** The envelope's {@code data} exactly as sent: between {@code "data":} and {@code ,"meta":}. */
    private static String rawData(String body) {
        int from = body.indexOf("\"data\":");
        int to = body.lastIndexOf(",\"meta\":");
        assertThat(from).as("data in " + body).isGreaterThanOrEqualTo(0);
        return body.substring(from, to);
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String path = sub("sub_0032");
        long v = versionOf(path);
        assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", "key 1")), "Idempotency-Key", "key-0032")
                .status()).isEqualTo(200);
        Response r = demo.api().patch(ALICE, path, patchBody(v + 1, Map.of("notes", "key 2")), "Idempotency-Key", "key-0032");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(versionOf(path)).isEqualTo(v + 1);
        // Keys belong to their actor: Bob's key of the same name is his own.
        assertThat(demo.api().patch(BOB, path, patchBody(v + 1, Map.of("notes", "key 2")), "Idempotency-Key", "key-0032")
                .status()).isEqualTo(200);
    }

    @Test
    void concurrentDuplicatesWithOneKeyWriteOnce() throws Exception {
        String path = sub("sub_0033");
        long v = versionOf(path);
        String body = patchBody(v, Map.of("notes", "once\n"));
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return demo.api().patch(ALICE, path, body, "Idempotency-Key", "key-0033");
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Response> f : futures) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(r.data().path("version").asLong()).isEqualTo(v + 1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(versionOf(path)).isEqualTo(v + 1);
        assertThat(demo.api().get(VIEWER, path + "/history").data().size()).isEqualTo(1);
    }

    private static List<String> ids(Response r) {
        List<String> out = new ArrayList<>();
        r.data().forEach(s -> out.add(s.path("id").asText()));
        return out;
    }
}
