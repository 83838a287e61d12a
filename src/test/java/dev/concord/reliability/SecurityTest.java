package dev.concord.reliability;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.ErrorCode;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The security rules through the product's own client and sync core, plus what the API contract tests
 * cannot see: where tokens end up (tokens file, database, logs, the client's store) and whether the change
 * log can be touched through any route.
 */
class SecurityTest {
    private static final String RECORD = "/api/v1/subscriptions/sub_0007";
    private static ConcordServer server;
    private static ApiTestClient raw;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = TestServers.h2Demo();
        raw = new ApiTestClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void viewerCannotWriteThroughTheSyncCoreAndNothingIsKeptToRetry() {
        SyncServices viewer = SyncServices.forUser(server.baseUrl(), "demo-viewer", home);
        Entity base = viewer.api().get(EntityKind.SUBSCRIPTION, "sub_0007");

        SaveOutcome outcome = viewer.coordinator().save(base, base.values().with("notes", "viewer was here"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Failed.class,
                f -> assertThat(f.reason().code()).isEqualTo(Reason.Code.NOT_ALLOWED));
        assertThat(viewer.store().pending()).as("a refusal is not an edit to retry later").isEmpty();
        assertThat(viewer.store().conflicts()).isEmpty();
        assertThat(viewer.api().get(EntityKind.SUBSCRIPTION, "sub_0007")).isEqualTo(base);
    }

    @Test
    void agentCannotForceAndAdminCannotForceWithoutAReason() {
        OkHttpConcordApi alice = new OkHttpConcordApi(server.baseUrl(), "demo-alice");
        OkHttpConcordApi admin = new OkHttpConcordApi(server.baseUrl(), "demo-admin");
        Entity before = alice.get(EntityKind.SUBSCRIPTION, "sub_0007");
        Map<String, Object> changes = Map.of("notes", "forced");

        assertThatThrownBy(() -> alice.patch(new PatchCall(EntityKind.SUBSCRIPTION, "sub_0007", before.version(), changes,
                null, true, "I really want to"))).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> admin.patch(new PatchCall(EntityKind.SUBSCRIPTION, "sub_0007", before.version(), changes,
                    null, true, reason))).isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo(ErrorCode.OVERRIDE_REASON_REQUIRED.name());
                    });
        }
        assertThat(alice.get(EntityKind.SUBSCRIPTION, "sub_0007")).isEqualTo(before);
        assertThat(alice.history(EntityKind.SUBSCRIPTION, "sub_0007")).noneMatch(h -> h.kind().equals("override"));
    }

    @Test
    void tokensLiveOnlyAsHashesInTheTokensFileTheDatabaseAndTheClientsStore() throws Exception {
        String agentToken = "agent-" + UUID.randomUUID();
        String viewerToken = "viewer-" + UUID.randomUUID();
        Path tokens = home.resolve("tokens");
        Files.writeString(tokens, ConcordServer.hashToken(agentToken) + " carol agent\n"
                + ConcordServer.hashToken(viewerToken) + " dave viewer\n");
        Path data = home.resolve("data");
        ServerConfig config = new ServerConfig(null, 0, data, null, null, null, false, tokens);
        try (ConcordServer own = ConcordServer.start(config)) {
            ApiTestClient api = new ApiTestClient(own.baseUrl());
            assertThat(api.get(agentToken, "/api/v1/me").data().path("actor").asText()).isEqualTo("carol");
            assertThat(api.get(viewerToken, "/api/v1/me").data().path("role").asText()).isEqualTo("viewer");
            assertThat(api.get("wrong-" + agentToken, "/api/v1/me").status()).isEqualTo(401);
        }
        // The store of a client whose edit waits for a server that is gone holds no token either.
        SyncServices carol = SyncServices.forUser("http://127.0.0.1:" + freePort(), agentToken, home.resolve("client"));
        Entity base = new OkHttpConcordApi(server.baseUrl(), "demo-alice").get(EntityKind.SUBSCRIPTION, "sub_0007");
        assertThat(carol.coordinator().save(base, base.values().with("notes", "kept while down")))
                .isInstanceOf(SaveOutcome.Pending.class);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("tokens file, H2 database, client store").hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).as(f.toString()).doesNotContain(agentToken).doesNotContain(viewerToken);
        }
        assertThat(Files.readString(tokens)).contains(ConcordServer.hashToken(agentToken));
    }

    @Test
    void theServerNeverLogsAToken() throws Exception {
        String agent = "agent-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String unknown = "unknown-" + UUID.randomUUID();
        Path tokens = home.resolve("tokens");
        Files.writeString(tokens, ConcordServer.hashToken(agent) + " carol agent\n" + ConcordServer.hashToken(admin) + " root admin\n");
        Path plain = home.resolve("plain-tokens");
        Files.writeString(plain, agent + " carol agent\n");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger concord = (Logger) LoggerFactory.getLogger("dev.concord");
        Level was = concord.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        concord.setLevel(Level.TRACE);
        List<String> lines = new ArrayList<>();
        try {
            ServerConfig config = new ServerConfig(null, 0, home.resolve("data"), null, null, null, false, tokens);
            try (ConcordServer own = ConcordServer.start(config)) {
                ApiTestClient api = new ApiTestClient(own.baseUrl());
                String path = "/api/v1/subscriptions/sub_0001";
                api.get(agent, path);
                api.patch(agent, path, ApiTestClient.patchBody(1L, Map.of("notes", "x")), "Idempotency-Key", "k1");
                api.patch(admin, path + "?force=true", ApiTestClient.patchBody(1L, Map.of("notes", "x")));
                api.get(unknown, path);
                api.patch(unknown, path, "{broken", "X-Request-Id", "trace-me");
                api.send("GET", null, path, null, null, "Authorization", "Basic " + agent);
                api.send("GET", null, path, null, null, "Authorization", "Bearer " + agent + " " + admin);
                new OkHttpConcordApi(own.baseUrl(), unknown).healthy();
            }
            try {
                ConcordServer.start(config.withTokensFile(plain)).close();
            } catch (IllegalArgumentException refused) {
                lines.add(refused.getMessage());
            }
        } finally {
            root.detachAppender(captured);
            concord.setLevel(was);
        }
        for (ILoggingEvent e : captured.list) {
            lines.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        assertThat(lines).as("the capture works: the start was logged, the plain tokens file refused")
                .anyMatch(l -> l.contains("Concord server on")).anyMatch(l -> l.contains("plain-tokens"));
        for (String token : List.of(agent, admin, unknown)) {
            assertThat(lines).noneMatch(l -> l.contains(token));
        }
    }

    @Test
    void noRouteWritesTheChangeLog() {
        long v = raw.get("demo-alice", RECORD).data().path("version").asLong();
        assertThat(raw.patch("demo-alice", RECORD, ApiTestClient.patchBody(v, Map.of("notes", "history starts"))).status())
                .isEqualTo(200);
        DatabaseSnapshot before = DatabaseSnapshot.of(server);
        JsonNode history = raw.get("demo-viewer", RECORD + "/history").data();
        long seq = history.get(0).path("seq").asLong();
        String entry = "[{\"seq\":" + seq + ",\"version\":2,\"actor\":\"mallory\",\"kind\":\"update\",\"changes\":[]}]";

        List<String> refusals = new ArrayList<>();
        for (EntityKind kind : EntityKind.values()) {
            String id = switch (kind) {
                case SUBSCRIPTION -> "sub_0007";
                case PLAN -> "plan_basic";
                case INVOICE -> "inv_0007";
            };
            String base = "/api/v1/" + kind.path() + "/" + id;
            for (String path : List.of(base + "/history", base + "/history/" + seq, base + "/versions/1", base + "/versions/" + (v + 1),
                    "/api/v1/history", "/api/v1/change_log", "/api/v1/" + kind.path() + "/" + id + "/history/")) {
                for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                    for (String token : List.of("demo-admin", "demo-alice")) {
                        ApiTestClient.Response r = raw.send(method, token, path, entry, "application/json",
                                "If-Match", "\"" + v + "\"", "X-Override-Reason", "rewrite history");
                        String code = r.errorCode();
                        boolean documented = (r.status() == 404 && ErrorCode.NOT_FOUND.name().equals(code))
                                || (r.status() == 405 && ErrorCode.METHOD_NOT_ALLOWED.name().equals(code));
                        if (!documented) {
                            refusals.add(method + " " + path + " as " + token + " -> " + r);
                        }
                    }
                }
            }
        }
        // Neither can a record's own write reach it: the log is not a field, and the actor is the token's.
        ApiTestClient.Response asField = raw.patch("demo-admin", RECORD + "?force=true",
                ApiTestClient.patchBody(v + 1, Map.of("history", List.of(), "updatedBy", "mallory")), "X-Override-Reason", "x");
        assertThat(asField.status()).isEqualTo(422);
        assertThat(asField.refusedFields()).containsExactlyInAnyOrder("history", "updatedBy");

        assertThat(refusals).as("writes to the change log must be 404/405 with the documented code").isEmpty();
        assertThat(DatabaseSnapshot.of(server)).isEqualTo(before);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
