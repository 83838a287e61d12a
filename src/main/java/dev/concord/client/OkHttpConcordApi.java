package dev.concord.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.ApiPaths;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.api.PatchRequest;
import dev.concord.api.WireValues;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@link ConcordApi} over HTTP with OkHttp. All instances share one connection pool and dispatcher
 * ({@link #sharedClient()}); each adds its own bearer token and a request id per call.
 * Thread-safe; every call blocks.
 */
public final class OkHttpConcordApi implements ConcordApi {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8787";
    private static final OkHttpClient SHARED = TlsTrust.cleartextUntilNeeded(new OkHttpClient.Builder())
            // Local or LAN service: a connect that takes seconds means it is down, not slow.
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(15))
            .writeTimeout(Duration.ofSeconds(15))
            .callTimeout(Duration.ofSeconds(30))
            // Retries of writes are the coordinator's job, with idempotency keys; OkHttp must not
            // silently resend a PATCH on a stale pooled connection behind our back.
            .retryOnConnectionFailure(false)
            .build();

    private final ApiTransport transport;

    /** A client of {@code serverUrl} (e.g. http://127.0.0.1:8787) that sends {@code token}. */
    public OkHttpConcordApi(String serverUrl, String token) {
        this(serverUrl, token, SHARED);
    }

    /**
     * As {@link #OkHttpConcordApi(String, String)} on top of {@code base} (its pool, timeouts and
     * interceptors are kept; tests pass one with a fault-injecting interceptor).
     */
    public OkHttpConcordApi(String serverUrl, String token, OkHttpClient base) {
        this.transport = new ApiTransport(serverUrl, token, base);
    }

    /** A client of {@code serverUrl} whose bearer token comes from {@code tokens} (a signed-in session). */
    public OkHttpConcordApi(String serverUrl, AccessTokens tokens) {
        this.transport = new ApiTransport(serverUrl, tokens, SHARED, b -> b);
    }

    /** The one OkHttpClient behind every instance made without an explicit client. */
    public static OkHttpClient sharedClient() {
        return SHARED;
    }

    @Override
    public Page list(EntityKind kind, ListQuery query) {
        HttpUrl.Builder url = transport.api().addPathSegment(kind.path());
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
        JsonNode mark = root.path("meta").get(ApiTransport.HIGH_WATER_META);
        return new Page(items, next == null || next.isNull() ? null : next.asText(),
                mark == null || !mark.canConvertToLong() ? null : mark.asLong());
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
        List<HistoryEntry> out = new ArrayList<>();
        String cursor = null;
        do { // the server pages history (newest first); follow its cursor to the oldest row
            HttpUrl.Builder url = url(kind, id).addPathSegment("history");
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            JsonNode root = execute(new Request.Builder().url(url.build()).get().build(), kind);
            for (JsonNode entry : root.path("data")) {
                out.add(convert(entry, HistoryEntry.class));
            }
            JsonNode next = root.path("meta").path("nextCursor");
            cursor = next.isTextual() ? next.asText() : null;
        } while (cursor != null);
        return out;
    }

    @Override
    public Entity patch(PatchCall call) {
        PatchRequest body = new PatchRequest(call.baseVersion(), WireValues.toWire(call.kind(), call.changes()));
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
        JsonNode root = execute(request.url(url.build()).patch(ApiTransport.jsonBody(body)).build(), call.kind());
        return convert(root.path("data"), call.kind().type());
    }

    @Override
    public Entity create(CreateCall call) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (call.id() != null) {
            body.put("id", call.id());
        }
        // Fields left null are left out: the server fills in the empty value of fields that may be empty.
        java.util.Map<String, Object> present = new java.util.LinkedHashMap<>();
        call.values().forEach((field, value) -> {
            if (value != null) {
                present.put(field, value);
            }
        });
        body.putAll(WireValues.toWire(call.kind(), present));
        Request.Builder request = new Request.Builder().url(transport.api().addPathSegment(call.kind().path()).build());
        if (call.idempotencyKey() != null) {
            request.header(ApiPaths.IDEMPOTENCY_KEY, call.idempotencyKey());
        }
        JsonNode root = execute(request.post(ApiTransport.jsonBody(body)).build(), call.kind());
        return convert(root.path("data"), call.kind().type());
    }

    @Override
    public dev.concord.api.DeletedRecord delete(EntityKind kind, String id, long version) {
        Request request = new Request.Builder().url(url(kind, id).build())
                .header(ApiPaths.IF_MATCH, ApiPaths.etag(version)).delete().build();
        return convert(execute(request, kind).path("data"), dev.concord.api.DeletedRecord.class);
    }

    @Override
    public Identity whoAmI() {
        JsonNode root = execute(new Request.Builder().url(transport.api().addPathSegment("me").build()).get().build(),
                null);
        return convert(root.path("data"), Identity.class);
    }

    @Override
    public boolean healthy() {
        // The health check lives outside the versioned API so load balancers need no token.
        HttpUrl url = transport.serverRoot().newBuilder().encodedPath("/health").build();
        try (Response response = transport.http().newCall(new Request.Builder().url(url).get().build()).execute()) {
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
        return transport.record(kind, id);
    }

    private static void addQuery(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value);
        }
    }

    private JsonNode execute(Request request, EntityKind kind) {
        return transport.execute(request, kind);
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return ApiTransport.convert(node, type);
    }
}
