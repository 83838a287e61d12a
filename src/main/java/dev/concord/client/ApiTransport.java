package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.ApiPaths;
import dev.concord.api.Json;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What every client of the service shares: the server's URLs, an OkHttpClient that sends the bearer
 * token and a request id, and the reading of the response envelope into data or a typed error.
 */
final class ApiTransport {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpUrl serverRoot;
    private final HttpUrl apiRoot;
    private final OkHttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final AccessTokens tokens;
    private static final String SESSION_ENDED = "Your sign-in has ended; sign in again (your edit is kept)";

    /** {@code configure} may adjust the client (timeouts) before the auth and request-id interceptors. */
    ApiTransport(String serverUrl, String token, OkHttpClient base,
                 java.util.function.UnaryOperator<OkHttpClient.Builder> configure) {
        this(serverUrl, AccessTokens.fixed(token), base, configure);
    }

    ApiTransport(String serverUrl, AccessTokens tokens, OkHttpClient base,
                 java.util.function.UnaryOperator<OkHttpClient.Builder> configure) {
        Objects.requireNonNull(tokens, "tokens");
        this.tokens = tokens;
        this.serverRoot = parseServer(serverUrl);
        this.apiRoot = serverRoot.newBuilder().addPathSegments(ApiPaths.PREFIX.substring(1)).build();
        this.http = configure.apply(TlsTrust.forServer(base, serverRoot).newBuilder())
                .addInterceptor(new RequestIdInterceptor())
                // After the request id, so a second try carries the same one.
                .addInterceptor(new StaleConnectionRetry())
                .addInterceptor(new BearerTokenInterceptor(tokens))
                .build();
    }

    ApiTransport(String serverUrl, String token, OkHttpClient base) {
        this(serverUrl, token, base, b -> b);
    }

    static HttpUrl parseServer(String serverUrl) {
        HttpUrl server = HttpUrl.parse(Objects.requireNonNull(serverUrl, "serverUrl"));
        if (server == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + serverUrl);
        }
        return server;
    }

    HttpUrl serverRoot() {
        return serverRoot;
    }

    /** {@code /api/v1/...} */
    HttpUrl.Builder api() {
        return apiRoot.newBuilder();
    }

    /** {@code /api/v1/{kind}/{id}} */
    HttpUrl.Builder record(EntityKind kind, String id) {
        return api().addPathSegment(kind.path()).addPathSegment(id);
    }

    OkHttpClient http() {
        return http;
    }

    static RequestBody jsonBody(Object value) {
        try {
            return RequestBody.create(JSON.writeValueAsBytes(value), JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request body", e);
        }
    }

    /**
     * Sends the request; returns the parsed envelope of a 2xx answer or throws the typed error.
     * {@code kind} lets a conflict carry the current record; null where no record is involved.
     */
    /** Where {@link #execute} puts the {@code X-Last-Event-Id} of an answer: a field of its meta. */
    static final String HIGH_WATER_META = "lastEventId";

    JsonNode execute(Request request, EntityKind kind) {
        String body;
        int status;
        String retryAfter;
        String highWater;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            retryAfter = response.header(ApiPaths.RETRY_AFTER);
            highWater = response.header(ApiPaths.EVENTS_HIGH_WATER);
            body = response.body().string();
        } catch (BearerTokenInterceptor.SignInRequiredIOException e) {
            throw new SessionExpiredException(SESSION_ENDED);
        } catch (InterruptedIOException e) {
            throw new ServerUnreachableException("The server did not answer in time (" + describe(request) + ")",
                    true, e);
        } catch (IOException e) {
            throw new ServerUnreachableException("Cannot reach the server at " + request.url().scheme() + "://"
                    + request.url().host() + ":" + request.url().port() + " (" + e.getMessage() + ")", false, e);
        }
        if (status == 401 && tokens.signInRequired()) {
            throw new SessionExpiredException(SESSION_ENDED);
        }
        if (status < 200 || status >= 300) {
            throw ErrorMapper.map(status, body, kind, retryAfter, clock.instant());
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ApiException(status, "BAD_RESPONSE", "The server sent an empty answer to " + describe(request));
            }
            if (highWater != null && highWater.matches("\\d{1,18}") && root.path("meta").isObject()) {
                // Kept with the answer it belongs to (see Page#lastEventId).
                ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("meta")).put(HIGH_WATER_META, Long.parseLong(highWater));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ApiException(status, "BAD_RESPONSE", "The server sent an unreadable answer to " + describe(request));
        }
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(200, "BAD_RESPONSE",
                    "The server sent a " + type.getSimpleName() + " this client cannot read: " + e.getMessage());
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }
}
