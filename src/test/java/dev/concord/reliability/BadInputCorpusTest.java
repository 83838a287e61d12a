package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.ErrorCode;
import dev.concord.api.Json;
import dev.concord.server.ConcordServer;
import dev.concord.testing.TestServers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sends the whole {@link HostileRequests} corpus over real HTTP to a demo server, on H2 and on PostgreSQL,
 * and holds the server to the bad-input rules of docs/api.md: no 5xx, every answer a documented error code
 * with its documented status in the standard envelope, nothing leaked, and nothing written: the database
 * is dumped with JDBC before and after and must be identical, except for the {@code kind=conflict} rows
 * that the documentation promises for each refused stale write (and exactly one per such refusal).
 */
class BadInputCorpusTest {
    private static final Set<String> LEAKS = Set.of("Exception", "\tat ", "org.h2", "org.postgresql", "java.lang",
            "com.fasterxml", "SQLState", "syntax error at");

    @ParameterizedTest
    @EnumSource(TestServers.Backend.class)
    void hostileRequestsAreRefusedWithDocumentedCodesAndChangeNothing(TestServers.Backend backend) throws Exception {
        List<HostileRequests.Case> corpus = HostileRequests.all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        try (ConcordServer server = backend.startDemo()) {
            DatabaseSnapshot before = DatabaseSnapshot.of(server);
            assertThat(before.tables().get("subscriptions")).isNotEmpty();
            List<String> failures = new ArrayList<>();
            int staleRefusals = 0;
            for (HostileRequests.Case c : corpus) {
                RawHttp.Response r = RawHttp.send(server.port(), c.request());
                String problem = judge(c, r);
                if (problem != null) {
                    failures.add(c.name() + " -> " + r.status() + " " + abbreviate(r.body()) + ": " + problem);
                }
                // A stale write (PATCH or DELETE) reaches the database and is logged; a precondition that fails
                // before it (a weak, listed or impossible If-Match tag) writes nothing, nor do other 409s
                // (taken id, dependents).
                if ((r.status() == 409 || (r.status() == 412 && !r.body().contains("condition does not hold")))
                        && r.body().contains("CONFLICT_VERSION_MISMATCH")) {
                    staleRefusals++;
                }
            }
            assertThat(failures).as("requests not refused as documented (of %d)", corpus.size()).isEmpty();

            DatabaseSnapshot after = DatabaseSnapshot.of(server);
            List<String> newRows = new ArrayList<>(after.tables().get("change_log"));
            newRows.removeAll(before.tables().get("change_log"));
            assertThat(newRows).as("only refused stale writes are logged, once each").hasSize(staleRefusals)
                    .allMatch(row -> row.contains("kind=conflict"));
            assertThat(after.without("change_log", newRows::contains)).isEqualTo(before);
        }
    }

    /** Null when the answer is as documented, else what is wrong with it. */
    private static String judge(HostileRequests.Case c, RawHttp.Response r) {
        if (r.status() >= 500) {
            return "a server error";
        }
        for (String leak : LEAKS) {
            if (r.body().contains(leak)) {
                return "leaks '" + leak + "'";
            }
        }
        if (r.headers().containsKey("set-cookie")) {
            return "a Set-Cookie header got through";
        }
        if (c.readAllowed() && r.status() == 200) {
            return null;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(r.body());
        } catch (Exception e) {
            return "not a JSON envelope";
        }
        if (body == null || !body.path("success").isBoolean() || body.path("success").asBoolean()) {
            return "not an error envelope";
        }
        if (body.path("meta").path("requestId").asText().isEmpty()) {
            return "no meta.requestId";
        }
        String codeText = body.path("error").path("code").asText();
        ErrorCode code = Arrays.stream(ErrorCode.values()).filter(e -> e.name().equals(codeText)).findFirst().orElse(null);
        if (code == null) {
            return "undocumented code '" + codeText + "'";
        }
        int documented = code.status();
        if (r.status() != documented && !(code == ErrorCode.CONFLICT_VERSION_MISMATCH && r.status() == 412)) {
            return code + " travels with " + documented + ", not " + r.status();
        }
        if (body.path("error").path("message").asText().isBlank()) {
            return "no message";
        }
        if (!c.expected().contains(code)) {
            return "expected " + c.expected().stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ", got " + code;
        }
        return null;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
