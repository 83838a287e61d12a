package dev.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.api.FieldError;
import dev.concord.api.Presence;
import dev.concord.domain.EntityKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/{kind}/{id}/presence}: PUT announces (or renews) that the caller is viewing or editing a
 * record, DELETE says they left, GET lists who is on it. Changes are pushed as {@code presence} events.
 */
final class PresenceRoutes {
    private final RecordRepository records;
    private final PresenceStore presence;
    private final Runnable hub;

    PresenceRoutes(RecordRepository records, PresenceStore presence, Runnable hub) {
        this.records = records;
        this.presence = presence;
        this.hub = hub;
    }

    void register(Javalin app) {
        for (EntityKind kind : EntityKind.values()) {
            String path = ApiPaths.PREFIX + "/" + kind.path() + "/{id}/presence";
            app.put(path, ctx -> announce(ctx, kind));
            app.delete(path, ctx -> leave(ctx, kind));
            app.get(path, ctx -> Envelopes.ok(ctx, 200, presence.active(kind, existing(ctx, kind)), null));
        }
    }

    private void announce(Context ctx, EntityKind kind) {
        String id = existing(ctx, kind);
        TokenStore.Principal who = Auth.principal(ctx);
        BodyRules.requireJson(ctx);
        String state = parseState(BodyRules.body(ctx));
        if (Presence.EDITING.equals(state) && !who.role().mayEdit()) {
            throw new ApiError(ErrorCode.FORBIDDEN, "A " + who.role().wire() + " may view but not edit");
        }
        Presence p = presence.announce(who.actor(), kind, id, state);
        hub.run();
        Envelopes.ok(ctx, 200, p, null);
    }

    private void leave(Context ctx, EntityKind kind) {
        String id = existing(ctx, kind);
        Presence p = presence.announce(Auth.principal(ctx).actor(), kind, id, Presence.LEFT);
        hub.run();
        Envelopes.ok(ctx, 200, p, null);
    }

    private String existing(Context ctx, EntityKind kind) {
        String id = ctx.pathParam("id");
        if (!id.matches("[A-Za-z0-9_-]{1,64}") || records.find(kind, id).isEmpty()) {
            throw new ApiError(ErrorCode.NOT_FOUND, "There is no " + kind.singular() + " "
                    + (id.length() > 64 ? id.substring(0, 64) + "..." : id));
        }
        return id;
    }

    /** The same strict reading as every other body: one object, only {@code state}, nothing after it. */
    private static String parseState(byte[] body) {
        ObjectNode root = StrictJson.object(body, "{\"state\": \"viewing\"}");
        StrictJson.onlyMembers(root, Set.of("state"), "send only {\"state\": \"viewing\"} or {\"state\": \"editing\"}");
        JsonNode state = root.get("state");
        if (state == null || !state.isTextual()
                || !(state.textValue().equals(Presence.VIEWING) || state.textValue().equals(Presence.EDITING))) {
            throw PatchInput.validation(List.of(new FieldError("state", "INVALID_VALUE",
                    "state must be viewing or editing (DELETE to leave)")));
        }
        return state.textValue();
    }
}
