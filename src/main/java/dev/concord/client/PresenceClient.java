package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.ApiPaths;
import dev.concord.api.Json;
import dev.concord.api.Presence;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code PUT|DELETE|GET /api/v1/{kind}/{id}/presence}: who is looking at a record. Blocking; failures are
 * the usual {@link ApiException} subclasses.
 */
public final class PresenceClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpUrl apiRoot;
    private final OkHttpClient http;

    public PresenceClient(String serverUrl, String token) {
        this(serverUrl, token, OkHttpConcordApi.sharedClient());
    }

    public PresenceClient(String serverUrl, String token, OkHttpClient base) {
        Objects.requireNonNull(token, "token");
        HttpUrl server = HttpUrl.parse(Objects.requireNonNull(serverUrl, "serverUrl"));
        if (server == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + serverUrl);
        }
        this.apiRoot = server.newBuilder().addPathSegments(ApiPaths.PREFIX.substring(1)).build();
        this.http = base.newBuilder()
                .addInterceptor(new RequestIdInterceptor())
                .addInterceptor(new BearerTokenInterceptor(token))
                .build();
    }

    /** Announces (or renews) {@code state}, {@link Presence#VIEWING} or {@link Presence#EDITING}. */
    public Presence announce(EntityKind kind, String id, String state) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("state", state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write presence body", e);
        }
        return convert(execute(request(kind, id).put(RequestBody.create(body, JSON_TYPE)).build()), Presence.class);
    }

    /** Says the caller left the record. */
    public Presence leave(EntityKind kind, String id) {
        return convert(execute(request(kind, id).delete().build()), Presence.class);
    }

    /** Everyone present on the record now, the caller included. */
    public List<Presence> present(EntityKind kind, String id) {
        List<Presence> out = new ArrayList<>();
        for (JsonNode p : execute(request(kind, id).get().build())) {
            out.add(convert(p, Presence.class));
        }
        return out;
    }

    private Request.Builder request(EntityKind kind, String id) {
        return new Request.Builder().url(apiRoot.newBuilder().addPathSegment(kind.path()).addPathSegment(id)
                .addPathSegment("presence").build());
    }

    /** The {@code data} of a 2xx envelope, or the typed error. */
    private JsonNode execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw ErrorMapper.map(response.code(), body, null, response.header(ApiPaths.RETRY_AFTER),
                        Clock.systemUTC().instant());
            }
            return JSON.readTree(body).path("data");
        } catch (JsonProcessingException e) {
            throw new ApiException(200, "BAD_RESPONSE", "The server sent an unreadable answer to "
                    + request.method() + " " + request.url().encodedPath());
        } catch (IOException e) {
            throw new ServerUnreachableException("Cannot reach the server for presence (" + e.getMessage() + ")",
                    false, e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(200, "BAD_RESPONSE",
                    "The server sent a " + type.getSimpleName() + " this client cannot read: " + e.getMessage());
        }
    }
}
