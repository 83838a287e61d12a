package dev.concord.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.Json;
import dev.concord.server.ConcordServer;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.OpenApiCheck;
import dev.concord.testing.TestServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is served without a token, and the check of API answers catches drift. */
class OpenApiDocumentTest {

    @Test
    void theDocumentIsServedWithoutTokenAndNamesEveryRoute() throws Exception {
        try (ConcordServer server = TestServers.h2Demo()) {
            ApiTestClient.Response r = new ApiTestClient(server.baseUrl()).get(null, "/api/v1/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = Json.mapper().readTree(r.body());
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(doc.path("paths").has("/api/v1/subscriptions/{id}")).isTrue();
            assertThat(doc.path("paths").has("/health/ready")).isTrue();
        }
    }

    @Test
    void theDocumentNamesEveryErrorCodeOfTheApi() throws Exception {
        JsonNode doc = Json.mapper().readTree(OpenApiDocumentTest.class.getResourceAsStream("/openapi/concord-api.json"));
        List<String> documented = new java.util.ArrayList<>();
        doc.at("/components/schemas/Error/properties/code/enum").forEach(c -> documented.add(c.asText()));
        List<String> inCode = java.util.Arrays.stream(dev.concord.api.ErrorCode.values()).map(Enum::name).toList();
        assertThat(documented).as("Error.code enum of src/main/resources/openapi/concord-api.json against "
                + "dev.concord.api.ErrorCode: add or remove the codes in the document").containsExactlyInAnyOrderElementsOf(inCode);
    }

    @Test
    void anAnswerThatDriftsFromTheDocumentFailsNamingRouteStatusAndField() {
        String drifted = "{\"success\":true,\"data\":{\"actor\":\"alice\",\"role\":\"agent\",\"nickname\":\"al\"},"
                + "\"meta\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"requestId\":\"r1\",\"apiVersion\":1}}";
        Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));

        assertThatThrownBy(() -> OpenApiCheck.check("GET", "/api/v1/me", 200, json, drifted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/me (status 200)")
                .hasMessageContaining("nickname");
        assertThat(OpenApiCheck.problems("GET", "/api/v1/me", 299, json, drifted))
                .anySatisfy(p -> assertThat(p).contains("299"));
        assertThat(OpenApiCheck.problems("GET", "/api/v1/me", 200, json, drifted.replace(",\"nickname\":\"al\"", "")))
                .isEmpty();
    }
}
