package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.ApiPaths;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.api.Json;
import dev.concord.api.PatchRequest;
import dev.concord.api.WireValues;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link ConcordApi} over HTTP with OkHttp. All instances share one connection pool and dispatcher
 * ({@link #sharedClient()}); each adds its own bearer token and a request id per call.
 * Thread-safe; every call blocks.
 */
public final class OkHttpConcordApi implements ConcordApi {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8787";
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = Json.mapper();
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            // Local or LAN service: a connect that takes seconds means it is down, not slow.
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(15))
            .writeTimeout(Duration.ofSeconds(15))
            .callTimeout(Duration.ofSeconds(30))
            // Retries of writes are the coordinator's job, with idempotency keys; OkHttp must not
            // silently resend a PATCH on a stale pooled connection behind our back.
            .retryOnConnectionFailure(false)
            .build();

    private final HttpUrl serverRoot;
    private final HttpUrl apiRoot;
    private final OkHttpClient http;
    private final Clock clock;

    /** A client of {@code serverUrl} (e.g. http://127.0.0.1:8787) that sends {@code token}. */
    public OkHttpConcordApi(String serverUrl, String token) {
        this(serverUrl, token, SHARED);
    }

    /**
     * As {@link #OkHttpConcordApi(String, String)} on top of {@code base} (its pool, timeouts and
     * interceptors are kept; tests pass one with a fault-injecting interceptor).
     */
    public OkHttpConcordApi(String serverUrl, String token, OkHttpClient base) {
        Objects.requireNonNull(token, "token");
        HttpUrl server = HttpUrl.parse(Objects.requireNonNull(serverUrl, "serverUrl"));
        if (server == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + serverUrl);
        }
        this.serverRoot = server;
        this.apiRoot = server.newBuilder().addPathSegments(ApiPaths.PREFIX.substring(1)).build();
        this.http = base.newBuilder()
                .addInterceptor(new RequestIdInterceptor())
                .addInterceptor(new BearerTokenInterceptor(token))
                .build();
        this.clock = Clock.systemUTC();
    }

    /** The one OkHttpClient behind every instance made without an explicit client. */
    public static OkHttpClient sharedClient() {
        return SHARED;
    }

    @Override
    public Page list(EntityKind kind, ListQuery query) {
        HttpUrl.Builder url = apiRoot.newBuilder().addPathSegment(kind.path());
        if (query != null) {
            addQuery(url, "q", query.q());
            addQuery(url, "status", query.status());
            addQuery(url, "limit", query.limit() == null ? null : query.limit().toString());
            addQuery(url, "cursor", query.cursor());
        }
        JsonNode root = execute(new Request.Builder().url(url.build()).get().build(), kind);
        List<Entity> items = new ArrayList<>();
        for (JsonNode item : root.path("data")) {
            items.add(convert(item, kind.type()));
        }
        JsonNode next = root.path("meta").get("nextCursor");
        return new Page(items, next == null || next.isNull() ? null : next.asText());
    }

    @Override
    public Entity get(EntityKind kind, String id) {
        return entity(kind, url(kind, id).build());
    }

    @Override
    public Entity getVersion(EntityKind kind, String id, long version) {
        return entity(kind, url(kind, id).addPathSegment("versions").addPathSegment(Long.toString(version)).build());
    }

    @Override
    public List<HistoryEntry> history(EntityKind kind, String id) {
        JsonNode root = execute(new Request.Builder().url(url(kind, id).addPathSegment("history").build()).get().build(),
                kind);
        List<HistoryEntry> out = new ArrayList<>();
        for (JsonNode entry : root.path("data")) {
            out.add(convert(entry, HistoryEntry.class));
        }
        return out;
    }

    @Override
    public Entity patch(PatchCall call) {
        PatchRequest body = new PatchRequest(call.baseVersion(), WireValues.toWire(call.kind(), call.changes()));
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write PATCH body", e);
        }
        HttpUrl.Builder url = url(call.kind(), call.id());
        Request.Builder request = new Request.Builder()
                .header(ApiPaths.IF_MATCH, ApiPaths.etag(call.baseVersion()));
        if (call.idempotencyKey() != null) {
            request.header(ApiPaths.IDEMPOTENCY_KEY, call.idempotencyKey());
        }
        if (call.force()) {
            url.addQueryParameter("force", "true");
            if (call.overrideReason() != null) {
                request.header(ApiPaths.OVERRIDE_REASON, call.overrideReason());
            }
        }
        JsonNode root = execute(request.url(url.build()).patch(RequestBody.create(json, JSON_TYPE)).build(), call.kind());
        return convert(root.path("data"), call.kind().type());
    }

    @Override
    public Identity whoAmI() {
        JsonNode root = execute(new Request.Builder().url(apiRoot.newBuilder().addPathSegment("me").build()).get().build(),
                null);
        return convert(root.path("data"), Identity.class);
    }

    @Override
    public boolean healthy() {
        // The health check lives outside the versioned API so load balancers need no token.
        HttpUrl url = serverRoot.newBuilder().encodedPath("/health").build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            return response.isSuccessful();
        } catch (IOException e) {
            return false;
        }
    }

    private Entity entity(EntityKind kind, HttpUrl url) {
        JsonNode root = execute(new Request.Builder().url(url).get().build(), kind);
        return convert(root.path("data"), kind.type());
    }

    private HttpUrl.Builder url(EntityKind kind, String id) {
        return apiRoot.newBuilder().addPathSegment(kind.path()).addPathSegment(id);
    }

    private static void addQuery(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value);
        }
    }

    /** Sends the request; returns the parsed envelope of a 2xx answer or throws the typed error. */
    private JsonNode execute(Request request, EntityKind kind) {
        String body;
        int status;
        String retryAfter;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            retryAfter = response.header(ApiPaths.RETRY_AFTER);
            body = response.body().string();
        } catch (InterruptedIOException e) {
            throw new ServerUnreachableException("The server did not answer in time (" + describe(request) + ")",
                    true, e);
        } catch (IOException e) {
            throw new ServerUnreachableException("Cannot reach the server at " + request.url().scheme() + "://"
                    + request.url().host() + ":" + request.url().port() + " (" + e.getMessage() + ")", false, e);
        }
        if (status < 200 || status >= 300) {
            throw ErrorMapper.map(status, body, kind, retryAfter, clock.instant());
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ApiException(status, "BAD_RESPONSE", "The server sent an empty answer to " + describe(request));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ApiException(status, "BAD_RESPONSE", "The server sent an unreadable answer to " + describe(request));
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

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }
}
