package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.ApiTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conditional requests as RFC 9110 has them (the table in docs/demo.api().md), HEAD, 405 and 401 headers,
 * no-op writes and history paging (issue 13). Run once per database by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConditionalContractSuite {
    static final String ALICE = "demo-alice";
    static final String BOB = "demo-bob";

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

    Response ifMatchPatch(String path, String ifMatch, String body) {
        return demo.api().patch(ALICE, path, body, "If-Match", ifMatch);
    }

    // ----- If-Match on PATCH -----

    @Test
    void weakIfMatchNeverMatchesAndIs412() {
        String path = sub("sub_0041");
        long v = versionOf(path);
        Response r = ifMatchPatch(path, "W/\"" + v + "\"", "{\"changes\":{\"notes\":\"weak\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(412);
        assertThat(r.errorCode()).isEqualTo("CONFLICT_VERSION_MISMATCH");
        assertThat(r.error().path("version").asLong()).isEqualTo(v);
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void unquotedIfMatchIsMalformed() {
        String path = sub("sub_0042");
        long v = versionOf(path);
        for (String bad : List.of(Long.toString(v), "\"" + v, "\"" + v + "\" \"" + v + "\"", "W/" + v)) {
            Response r = ifMatchPatch(path, bad, "{\"changes\":{\"notes\":\"unquoted\"}}");
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("INVALID_VERSION");
        }
        assertThat(versionOf(path)).isEqualTo(v);
    }

    @Test
    void starAndListsAreReadAsRfc9110Says() {
        String path = sub("sub_0043");
        long v = versionOf(path);
        Response star = ifMatchPatch(path, "*", patchBody(v, Map.of("notes", "star")));
        assertThat(star.status()).as(star.toString()).isEqualTo(200);
        assertThat(ifMatchPatch(path, "*", "{\"changes\":{\"notes\":\"no base\"}}").status())
                .as("* says the record exists, not which version the edit is based on").isEqualTo(428);
        Response list = ifMatchPatch(path, "\"" + v + "\", \"" + (v + 1) + "\"", "{\"changes\":{\"notes\":\"list\"}}");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.data().path("version").asLong()).isEqualTo(v + 2);
        assertThat(list.header("ETag")).isEqualTo("\"" + (v + 2) + "\"");
        Response staleList = ifMatchPatch(path, "\"" + v + "\", W/\"" + (v + 2) + "\"", "{\"changes\":{\"notes\":\"x\"}}");
        assertThat(staleList.status()).isEqualTo(412);
        assertThat(versionOf(path)).isEqualTo(v + 2);
    }

    @Test
    void aFailedIfMatchIs412EvenWithABodyVersion() {
        String path = sub("sub_0044");
        long v = versionOf(path);
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("notes", "bob first"))).status()).isEqualTo(200);
        Response r = ifMatchPatch(path, "\"" + v + "\"", patchBody(v, Map.of("notes", "alice late")));
        assertThat(r.status()).as(r.toString()).isEqualTo(412);
        assertThat(r.error().path("changedSince").get(0).path("field").asText()).isEqualTo("notes");
        // A stale body version without If-Match stays a 409.
        assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", "alice late"))).status()).isEqualTo(409);
    }

    @Test
    void ifNoneMatchOnPatchIsHonoured() {
        String path = sub("sub_0045");
        long v = versionOf(path);
        String body = patchBody(v, Map.of("notes", "inm"));
        assertThat(demo.api().patch(ALICE, path, body, "If-None-Match", "*").status()).isEqualTo(412);
        assertThat(demo.api().patch(ALICE, path, body, "If-None-Match", "W/\"" + v + "\"").status()).isEqualTo(412);
        assertThat(versionOf(path)).isEqualTo(v);
        Response ok = demo.api().patch(ALICE, path, body, "If-None-Match", "\"" + (v + 5) + "\"");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    // ----- GET and HEAD -----

    @Test
    void getWithAMatchingIfNoneMatchIs304() {
        String path = sub("sub_0046");
        long v = versionOf(path);
        for (String inm : List.of("\"" + v + "\"", "W/\"" + v + "\"", "\"999\", \"" + v + "\"", "*")) {
            Response r = demo.api().send("GET", ALICE, path, null, null, "If-None-Match", inm);
            assertThat(r.status()).as(inm).isEqualTo(304);
            assertThat(r.header("ETag")).isEqualTo("\"" + v + "\"");
            assertThat(r.body()).isEmpty();
        }
        assertThat(demo.api().send("GET", ALICE, path, null, null, "If-None-Match", "\"999\"").status()).isEqualTo(200);
        assertThat(demo.api().send("GET", ALICE, path, null, null, "If-Match", "\"999\"").status()).isEqualTo(412);
        assertThat(demo.api().send("GET", ALICE, path, null, null, "If-Match", "\"" + v + "\"").status()).isEqualTo(200);
    }

    @Test
    void headIsGetWithoutABody() {
        String path = sub("sub_0047");
        long v = versionOf(path);
        Response head = demo.api().send("HEAD", ALICE, path, null, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo("\"" + v + "\"");
        assertThat(head.body()).isEmpty();
        assertThat(demo.api().send("HEAD", ALICE, sub("sub_9999"), null, null).status()).isEqualTo(404);
        assertThat(demo.api().send("HEAD", ALICE, path + "/versions/99", null, null).status()).isEqualTo(404);
        assertThat(demo.api().send("HEAD", null, path, null, null).status()).isEqualTo(401);
        assertThat(demo.api().send("HEAD", ALICE, path, null, null, "If-None-Match", "\"" + v + "\"").status()).isEqualTo(304);
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        Response r = demo.api().send("PUT", ALICE, sub("sub_0048") + "/history", "{}", "application/json");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).contains("GET").contains("HEAD").doesNotContain("PUT");
    }

    @Test
    void aBadTokenIsNamedInWwwAuthenticate() {
        Response none = demo.api().get(null, sub("sub_0048"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer realm=\"concord\"").doesNotContain("error=");
        Response bad = demo.api().get("not-a-token", sub("sub_0048"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    // ----- no-op writes -----

    @Test
    void aNoOpPatchWritesNothingAndCostsNoOneA409() {
        String path = sub("sub_0049");
        Response before = demo.api().get(ALICE, path);
        long v = before.data().path("version").asLong();
        int historyBefore = demo.api().get(ALICE, path + "/history").data().size();
        Response same = demo.api().patch(ALICE, path, patchBody(v, Map.of("status", before.data().path("status").asText(),
                "notes", before.data().path("notes").asText())));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.data().path("version").asLong()).isEqualTo(v);
        assertThat(same.header("ETag")).isEqualTo("\"" + v + "\"");
        assertThat(demo.api().get(ALICE, path + "/history").data().size()).isEqualTo(historyBefore);
        // Bob, editing the same version, is not told about a change that never happened.
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("notes", "bob"))).status()).isEqualTo(200);
    }

    // ----- history -----

    @Test
    void historyPagesWithLimitAndCursorNewestFirst() {
        String path = sub("sub_0050");
        long v = versionOf(path);
        for (int i = 0; i < 5; i++) {
            assertThat(demo.api().patch(ALICE, path, patchBody(v + i, Map.of("notes", "n" + i))).status()).isEqualTo(200);
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = demo.api().get(ALICE, path + "/history?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.data().size()).isLessThanOrEqualTo(2);
            page.data().forEach(e -> seen.add(e.path("version").asLong()));
            JsonNode next = page.json().path("meta").path("nextCursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(v + 5, v + 4, v + 3, v + 2, v + 1);
        assertThat(demo.api().get(ALICE, path + "/history?cursor=bogus").status()).isEqualTo(400);
        assertThat(demo.api().get(ALICE, path + "/history?limit=0").status()).isEqualTo(400);
    }

    @Test
    void historyTellsARefusalThatWasMergedAndSavedFromARealConflict() {
        String path = sub("sub_0052");
        long v = versionOf(path);
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("status", "paused"))).status()).isEqualTo(200);
        // Alice's stale save is refused; her client merges it onto v+1 and saves: no one had to decide.
        assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", "alice"))).status()).isEqualTo(409);
        assertThat(demo.api().patch(ALICE, path, patchBody(v + 1, Map.of("notes", "alice"))).status()).isEqualTo(200);
        // Bob's stale save is refused and never saved: a real conflict.
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("notes", "bob"))).status()).isEqualTo(409);

        JsonNode h = demo.api().get(ALICE, path + "/history").data();
        List<String> kinds = new ArrayList<>();
        h.forEach(e -> kinds.add(e.path("actor").asText() + ":" + e.path("kind").asText()));
        assertThat(kinds).containsExactly("bob:conflict", "alice:update", "alice:rebased", "bob:update");
    }

    @Test
    void refusedWritesKeepOnlyNamesAndSizesOfLargeValues() {
        String path = sub("sub_0051");
        long v = versionOf(path);
        assertThat(demo.api().patch(BOB, path, patchBody(v, Map.of("status", "paused"))).status()).isEqualTo(200);
        String big = "x".repeat(500 * 1024);
        for (int i = 0; i < 3; i++) {
            assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", big + i))).status()).isEqualTo(409);
        }
        Response history = demo.api().get(ALICE, path + "/history?limit=200");
        assertThat(history.body().length()).as("three refused 500 KB writes").isLessThan(10_000);
        JsonNode refused = history.data().get(0);
        assertThat(refused.path("kind").asText()).isEqualTo("conflict");
        JsonNode change = refused.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("notes");
        assertThat(change.path("to").isNull()).isTrue();
        assertThat(change.path("omitted").path("to").asInt()).isGreaterThan(500 * 1024);
        // Small refusals are logged in full, as before.
        Response small = demo.api().patch(ALICE, path, patchBody(v, Map.of("notes", "small")));
        assertThat(small.status()).isEqualTo(409);
        assertThat(demo.api().get(ALICE, path + "/history").data().get(0).path("changes").get(0).path("to").asText())
                .isEqualTo("small");
    }
}
