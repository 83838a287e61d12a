package dev.concord.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.ChangedField;
import dev.concord.api.FieldError;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.api.Json;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.Subscription;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpConcordApiTest {
    private MockWebServer server;
    private OkHttpConcordApi api;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        api = new OkHttpConcordApi(serverUrl(), "demo-alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private void reply(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void getSendsBearerTokenAndRequestIdAndReadsTheRecordExactly() throws Exception {
        Subscription sub = Samples.subscription(7, "active", "line 1\nline 2");
        reply(200, Samples.ok(sub));

        Entity got = api.get(EntityKind.SUBSCRIPTION, "sub_0001");

        assertThat(got).isEqualTo(sub);
        assertThat(((Subscription) got).amount()).isEqualTo(new BigDecimal("19.90"));
        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/subscriptions/sub_0001");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer demo-alice");
        assertThat(request.getHeaders().get("X-Request-Id")).isNotBlank();
    }

    @Test
    void everyRequestGetsItsOwnRequestId() throws Exception {
        reply(200, Samples.ok(Samples.subscription(1, "active", "")));
        reply(200, Samples.ok(Samples.subscription(1, "active", "")));
        api.get(EntityKind.SUBSCRIPTION, "sub_0001");
        api.get(EntityKind.SUBSCRIPTION, "sub_0001");
        assertThat(taken().getHeaders().get("X-Request-Id")).isNotEqualTo(taken().getHeaders().get("X-Request-Id"));
    }

    @Test
    void listSendsTheFiltersAndReturnsTheNextCursor() throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", true);
        envelope.put("data", List.of(Samples.subscription(1, "active", ""), Samples.subscription(2, "paused", "")));
        envelope.put("meta", Map.of("timestamp", "2026-11-29T09:00:00Z", "requestId", "r", "apiVersion", 1,
                "nextCursor", "c2"));
        reply(200, Samples.json(envelope));

        Page page = api.list(EntityKind.SUBSCRIPTION, new ListQuery("ada lovelace", "paused", 2, null));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEqualTo("c2");
        RecordedRequest request = taken();
        assertThat(request.getUrl().queryParameter("q")).isEqualTo("ada lovelace");
        assertThat(request.getUrl().queryParameter("status")).isEqualTo("paused");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(request.getUrl().queryParameter("cursor")).isNull();
    }

    @Test
    void aListCarriesTheServersEventMarkForTheStreamToStartFrom() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("X-Last-Event-Id", "1842").body(Samples.ok(List.of())).build());
        assertThat(api.list(EntityKind.INVOICE, ListQuery.all()).lastEventId()).isEqualTo(1842L);
        reply(200, Samples.ok(List.of()));
        assertThat(api.list(EntityKind.INVOICE, ListQuery.all()).lastEventId()).as("older servers send none").isNull();
    }

    @Test
    void aListOnAKeepAliveConnectionTheServerHasClosedIsAskedAgainOnANewOne() throws Exception {
        // The server closes an idle keep-alive connection (Jetty after 30 s) without saying so; OkHttp checks a
        // pooled connection before a GET only cheaply and reuses it: "unexpected end of stream" on the list.
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Samples.ok(List.of())).onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        reply(200, Samples.ok(List.of()));
        api.list(EntityKind.INVOICE, ListQuery.all());
        taken();

        assertThat(api.list(EntityKind.INVOICE, ListQuery.all()).items()).isEmpty();
        assertThat(taken().getConnectionIndex()).as("asked on a new connection").isEqualTo(1);
    }

    @Test
    void aWriteOnAClosedKeepAliveConnectionIsNotSentAgainBehindTheCoordinatorsBack() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Samples.ok(List.of())).onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        api.list(EntityKind.INVOICE, ListQuery.all());
        taken();
        reply(200, Samples.ok(Samples.subscription(2, "active", "")));

        assertThatThrownBy(() -> api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_0001", 1, Map.of("notes", "x"), "k")))
                .isInstanceOf(ServerUnreachableException.class);
        assertThat(server.getRequestCount()).as("the PATCH was not resent").isEqualTo(1);
    }

    @Test
    void lastPageHasNoCursor() {
        reply(200, Samples.ok(List.of()));
        assertThat(api.list(EntityKind.INVOICE, ListQuery.all()).nextCursor()).isNull();
    }

    @Test
    void getVersionAndHistoryUseTheirPaths() throws Exception {
        reply(200, Samples.ok(Samples.subscription(3, "active", "old")));
        HistoryEntry entry = new HistoryEntry(5, "subscriptions", "sub_0001", 4, "bob",
                Instant.parse("2026-11-29T08:00:00Z"), "update",
                List.of(new dev.concord.api.FieldChange("status", "active", "paused")), null);
        reply(200, Samples.ok(List.of(entry)));

        assertThat(api.getVersion(EntityKind.SUBSCRIPTION, "sub_0001", 3).version()).isEqualTo(3);
        assertThat(api.history(EntityKind.SUBSCRIPTION, "sub_0001")).containsExactly(entry);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/subscriptions/sub_0001/versions/3");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/subscriptions/sub_0001/history");
    }

    @Test
    void patchSendsVersionInBodyAndIfMatchAndTheIdempotencyKeyWithWireValues() throws Exception {
        reply(200, Samples.ok(Samples.subscription(8, "paused", "n")));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", "paused");
        changes.put("amount", new BigDecimal("21.00"));
        changes.put("tags", EntityKind.SUBSCRIPTION.requireField("tags").parse(List.of("b", "a")));
        changes.put("nextBillingDate", java.time.LocalDate.parse("2027-01-31"));

        Entity saved = api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_0001", 7, changes, "key-1"));

        assertThat(saved.version()).isEqualTo(8);
        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("\"7\"");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getUrl().queryParameter("force")).isNull();
        JsonNode body = Json.mapper().readTree(request.getBody().utf8());
        assertThat(body.get("version").asLong()).isEqualTo(7);
        assertThat(body.get("changes").get("status").asText()).isEqualTo("paused");
        assertThat(body.get("changes").get("amount").isTextual()).isTrue();
        assertThat(body.get("changes").get("amount").asText()).isEqualTo("21.00");
        assertThat(body.get("changes").get("nextBillingDate").asText()).isEqualTo("2027-01-31");
        assertThat(body.get("changes").get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void forcedPatchSendsForceAndTheReason() throws Exception {
        reply(200, Samples.ok(Samples.subscription(9, "active", "")));
        api.patch(new PatchCall(EntityKind.SUBSCRIPTION, "sub_0001", 3, Map.of("status", "active"), "k", true,
                "customer called, billing-bot is wrong"));
        RecordedRequest request = taken();
        assertThat(request.getUrl().queryParameter("force")).isEqualTo("true");
        assertThat(request.getHeaders().get("X-Override-Reason")).isEqualTo("customer called, billing-bot is wrong");
    }

    @Test
    void conflictCarriesCurrentVersionAndWhatChanged() {
        Subscription current = Samples.subscription(9, "cancelled", "bob's notes");
        reply(409, Samples.error(Map.of("code", "CONFLICT_VERSION_MISMATCH",
                "message", "Bob changed status 2 minutes ago", "version", 9, "current", current,
                "changedSince", List.of(Map.of("field", "status", "baseValue", "active",
                        "currentValue", "cancelled", "changedBy", "bob", "changedAt", "2026-11-29T08:58:00Z")))));

        assertThatThrownBy(() -> api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_0001", 7,
                Map.of("status", "paused"), "k")))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Bob changed status 2 minutes ago");
                    assertThat(e.current()).isEqualTo(current);
                    assertThat(e.currentVersion()).isEqualTo(9);
                    assertThat(e.changedSince()).containsExactly(new ChangedField("status", "active", "cancelled",
                            "bob", Instant.parse("2026-11-29T08:58:00Z")));
                });
    }

    @Test
    void preconditionFailedWithoutCurrentIsStillAConflict() {
        reply(412, Samples.error(Map.of("code", "CONFLICT_VERSION_MISMATCH", "message", "stale", "version", 4)));
        assertThatThrownBy(() -> api.patch(PatchCall.of(EntityKind.PLAN, "plan_basic", 2, Map.of("active", true), "k")))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.current()).isNull();
                    assertThat(e.currentVersion()).isEqualTo(4);
                    assertThat(e.changedSince()).isEmpty();
                });
    }

    @Test
    void validationFailureCarriesEveryField() {
        reply(422, Samples.error(Map.of("code", "VALIDATION_FAILED", "message", "2 fields refused",
                "fields", List.of(Map.of("field", "currency", "code", "INVALID_VALUE", "message", "Currency must be..."),
                        Map.of("field", "id", "code", "READ_ONLY", "message", "id is set by the server")))));
        assertThatThrownBy(() -> api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_0001", 1,
                Map.of("currency", "EUR"), "k")))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.fields()).extracting(FieldError::field).containsExactly("currency", "id");
                });
    }

    @Test
    void otherClientErrorsAreValidationFailuresWithTheirCode() {
        reply(400, Samples.error(Map.of("code", "VERSION_HEADER_MISMATCH", "message", "If-Match says 3, body 4")));
        reply(428, Samples.error(Map.of("code", "PRECONDITION_REQUIRED", "message", "send a version")));
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VERSION_HEADER_MISMATCH");
                    assertThat(e.fields()).isEmpty();
                });
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void unauthorizedAndForbiddenAreAuthErrors() {
        reply(401, Samples.error(Map.of("code", "UNAUTHORIZED", "message", "No valid token")));
        reply(403, Samples.error(Map.of("code", "FORBIDDEN", "message", "Viewers cannot edit")));
        assertThatThrownBy(() -> api.whoAmI()).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "x"))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Viewers cannot edit");
                });
    }

    @Test
    void unknownRecordIsNotFound() {
        reply(404, Samples.error(Map.of("code", "NOT_FOUND", "message", "No subscription sub_9999")));
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_9999"))
                .isInstanceOf(NotFoundException.class).hasMessage("No subscription sub_9999");
    }

    @Test
    void rateLimitedCarriesRetryAfterInSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body(Samples.error(Map.of("code", "RATE_LIMITED", "message", "slow down"))).build());
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void unavailableWithoutRetryAfterHasNone() {
        server.enqueue(new MockResponse.Builder().code(503).body("<html>down</html>").build());
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isEmpty();
                });
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        Instant now = Instant.parse("2026-11-29T09:00:00Z");
        assertThat(ErrorMapper.retryAfter("Sun, 29 Nov 2026 09:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ErrorMapper.retryAfter("soon", now)).isNull();
    }

    @Test
    void serverFailureWithoutEnvelopeIsAPlainApiError() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isExactlyInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(500));
    }

    @Test
    void unreadableSuccessBodyIsAnErrorNotACrash() {
        server.enqueue(new MockResponse.Builder().code(200).body("not json").build());
        assertThatThrownBy(() -> api.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isExactlyInstanceOf(ApiException.class).hasMessageContaining("unreadable");
    }

    @Test
    void refusedConnectionIsUnreachableNotTimedOut() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        OkHttpConcordApi down = new OkHttpConcordApi("http://127.0.0.1:" + freePort, "demo-alice");
        assertThatThrownBy(() -> down.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(ServerUnreachableException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.status()).isZero();
                });
        assertThat(down.healthy()).isFalse();
    }

    @Test
    void slowAnswerIsATimeout() {
        OkHttpClient impatient = OkHttpConcordApi.sharedClient().newBuilder().readTimeout(Duration.ofMillis(200)).build();
        OkHttpConcordApi slowApi = new OkHttpConcordApi(serverUrl(), "demo-alice", impatient);
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS)
                .body(Samples.ok(Samples.subscription(1, "active", ""))).build());
        assertThatThrownBy(() -> slowApi.get(EntityKind.SUBSCRIPTION, "sub_0001"))
                .isInstanceOfSatisfying(ServerUnreachableException.class, e -> assertThat(e.timedOut()).isTrue());
    }

    @Test
    void whoAmIAndHealth() throws Exception {
        reply(200, Samples.ok(Map.of("actor", "alice", "role", "agent")));
        reply(200, Samples.ok(Map.of("status", "ok")));
        assertThat(api.whoAmI()).isEqualTo(new Identity("alice", "agent"));
        assertThat(api.healthy()).isTrue();
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/me");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/health");
    }
}
