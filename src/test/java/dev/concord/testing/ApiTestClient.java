package dev.concord.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real-HTTP client for API tests (java.net.http): sends requests to a running server and parses
 * the envelope. Not the product client; it speaks raw HTTP so tests can send anything, including bad input.
 */
public final class ApiTestClient {
    private final String baseUrl;
    private final HttpClient http;

    public ApiTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String token, String path) {
        return send("GET", token, path, null, null);
    }

    /**
     * Every row of a record's history, newest first, following {@code meta.nextCursor} across pages
     * ({@code path} is the record's path, without {@code /history}).
     */
    public com.fasterxml.jackson.databind.node.ArrayNode history(String token, String path) {
        com.fasterxml.jackson.databind.node.ArrayNode all = Json.mapper().createArrayNode();
        String cursor = null;
        do {
            Response page = get(token, path + "/history?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() != 200) {
                throw new IllegalStateException("history of " + path + ": " + page);
            }
            page.data().forEach(all::add);
            JsonNode next = page.json().path("meta").path("nextCursor");
            cursor = next.isTextual() ? next.asText() : null;
        } while (cursor != null);
        return all;
    }

    /** PATCH with a JSON body; {@code headers} are name/value pairs. */
    public Response patch(String token, String path, String jsonBody, String... headers) {
        return send("PATCH", token, path, jsonBody, "application/json", headers);
    }

    /** Any request; {@code contentType} null sends no Content-Type header. */
    public Response send(String method, String token, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // Every answer an API test sees must match the served OpenAPI document.
            OpenApiCheck.check(method, path, r.statusCode(), r.headers().map(), r.body());
            return new Response(r.statusCode(), r, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** JSON text of a PATCH body. */
    public static String patchBody(Long version, Object changes) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (version != null) {
            body.put("version", version);
        }
        body.put("changes", changes);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One answer: status, headers, raw text and the parsed envelope. */
    public record Response(int status, HttpResponse<String> raw, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + body, e);
            }
        }

        public JsonNode data() {
            return json().get("data");
        }

        public JsonNode error() {
            return json().get("error");
        }

        public String errorCode() {
            JsonNode e = error();
            return e == null ? null : e.path("code").asText();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Names of the refused fields of a VALIDATION_FAILED answer. */
        public List<String> refusedFields() {
            List<String> out = new ArrayList<>();
            error().path("fields").forEach(f -> out.add(f.path("field").asText()));
            return out;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
