package dev.concord.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.Presence;
import dev.concord.domain.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * {@code PUT|DELETE|GET /api/v1/{kind}/{id}/presence}: who is looking at a record. Blocking; failures are
 * the usual {@link ApiException} subclasses.
 */
public final class PresenceClient {
    private final ApiTransport transport;

    public PresenceClient(String serverUrl, String token) {
        this(serverUrl, token, OkHttpConcordApi.sharedClient());
    }

    public PresenceClient(String serverUrl, String token, OkHttpClient base) {
        this(serverUrl, AccessTokens.fixed(token), base);
    }

    /** A client whose bearer token comes from {@code tokens} (a signed-in session, refreshed when refused). */
    public PresenceClient(String serverUrl, AccessTokens tokens, OkHttpClient base) {
        this.transport = new ApiTransport(serverUrl, tokens, base, b -> b);
    }

    /** Announces (or renews) {@code state}, {@link Presence#VIEWING} or {@link Presence#EDITING}. */
    public Presence announce(EntityKind kind, String id, String state) {
        return data(request(kind, id).put(ApiTransport.jsonBody(Map.of("state", state))).build(), Presence.class);
    }

    /** Says the caller left the record. */
    public Presence leave(EntityKind kind, String id) {
        return data(request(kind, id).delete().build(), Presence.class);
    }

    /** Everyone present on the record now, the caller included. */
    public List<Presence> present(EntityKind kind, String id) {
        List<Presence> out = new ArrayList<>();
        for (JsonNode p : transport.execute(request(kind, id).get().build(), null).path("data")) {
            out.add(ApiTransport.convert(p, Presence.class));
        }
        return out;
    }

    private <T> T data(Request request, Class<T> type) {
        return ApiTransport.convert(transport.execute(request, null).path("data"), type);
    }

    private Request.Builder request(EntityKind kind, String id) {
        return new Request.Builder().url(transport.record(kind, id).addPathSegment("presence").build());
    }
}
