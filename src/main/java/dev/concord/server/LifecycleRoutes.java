package dev.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.Dependents;
import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.api.ValidationException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creating and retiring records: {@code POST /api/v1/{kind}} (Idempotency-Key honoured),
 * {@code DELETE /api/v1/{kind}/{id}} with the version (If-Match or {@code ?version=}), and an admin's
 * {@code POST /api/v1/{kind}/{id}/restore} with a reason.
 */
final class LifecycleRoutes {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final int MAX_REASON = 1000;

    private final RecordLifecycle lifecycle;
    private final IdempotencyStore idempotency;
    private final RecordRoutes.WriteListener listener;
    private final ServerClock clock;

    LifecycleRoutes(RecordLifecycle lifecycle, IdempotencyStore idempotency, ServerClock clock,
                    RecordRoutes.WriteListener listener) {
        this.lifecycle = lifecycle;
        this.idempotency = idempotency;
        this.clock = clock;
        this.listener = listener;
    }

    void register(Javalin app) {
        for (EntityKind kind : EntityKind.values()) {
            String base = ApiPaths.PREFIX + "/" + kind.path();
            app.post(base, ctx -> create(ctx, kind));
            app.delete(base + "/{id}", ctx -> delete(ctx, kind));
            app.post(base + "/{id}/restore", ctx -> restore(ctx, kind));
        }
    }

    private void create(Context ctx, EntityKind kind) {
        requireRealMethod(ctx, "POST");
        TokenStore.Principal who = Auth.principal(ctx);
        if (!who.role().mayEdit()) {
            throw new ApiError(ErrorCode.FORBIDDEN, "A " + who.role().wire() + " may read but not create records");
        }
        String key = IdempotentRequests.key(ctx);
        BodyRules.requireJson(ctx);
        CreateInput input = CreateInput.parse(kind, BodyRules.body(ctx));
        // Only a request with a key needs the fingerprint (it serializes and hashes the body).
        String fingerprint = key == null ? null : input.fingerprint();
        // The key is not looked up first (issue 16: a keyed create is one statement): a stored answer makes the
        // write fail on the key or find its id taken, and both are answered from the store below.
        IdempotentRequests.Answer hook = IdempotentRequests.answer(idempotency, who, key, fingerprint, 201);
        LifecycleOutcome outcome;
        try {
            outcome = lifecycle.create(kind, input, who.actor(), hook);
        } catch (ApiError | ValidationException e) {
            // Refused on what is there now (a plan retired since): a retry is still answered as at first.
            if (key != null && IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "record")) {
                return;
            }
            throw e;
        } catch (StorageException e) {
            if (!IdempotencyStore.isUniqueViolation(e)) {
                throw e;
            }
            // A twin with the same key, or another create of the same id, committed first.
            if (key != null && IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "record")) {
                return;
            }
            throw alreadyExists(kind, input.id(), null);
        }
        if (outcome instanceof LifecycleOutcome.Written w) {
            listener.committed(w.entry());
            ctx.header("Location", ApiPaths.PREFIX + "/" + kind.path() + "/" + w.entity().id());
            hook.send(ctx, w.entity());
        } else if (outcome instanceof LifecycleOutcome.AnsweredMeanwhile) {
            if (!IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "record")) {
                throw new IllegalStateException("idempotent answer vanished between two statements");
            }
        } else if (outcome instanceof LifecycleOutcome.AlreadyExists e) {
            throw alreadyExists(kind, e.id(), e.current());
        } else {
            throw new IllegalStateException("create came to " + outcome);
        }
    }

    private void delete(Context ctx, EntityKind kind) {
        requireRealMethod(ctx, "DELETE");
        TokenStore.Principal who = Auth.principal(ctx);
        if (!who.role().mayEdit()) {
            throw new ApiError(ErrorCode.FORBIDDEN, "A " + who.role().wire() + " may read but not delete records");
        }
        String id = id(ctx, kind);
        Long fromHeader = ifMatchVersion(kind, id, Preconditions.parse(ctx.header(ApiPaths.IF_MATCH), ApiPaths.IF_MATCH));
        String query = ctx.queryParam("version");
        Long fromQuery = query == null ? null : PatchInput.parseVersion(query, "version");
        if (fromHeader != null && fromQuery != null && !fromHeader.equals(fromQuery)) {
            throw new ApiError(ErrorCode.VERSION_HEADER_MISMATCH, "?version=" + fromQuery + " but If-Match says "
                    + fromHeader + "; send one version, or the same in both");
        }
        if (fromHeader == null && fromQuery == null) {
            throw new ApiError(ErrorCode.PRECONDITION_REQUIRED, "Say which version you are retiring: an If-Match "
                    + "header such as \"3\" or ?version=3");
        }
        long version = fromQuery != null ? fromQuery : fromHeader;
        LifecycleOutcome outcome = lifecycle.delete(kind, id, version, who.actor());
        if (outcome instanceof LifecycleOutcome.Deleted d) {
            listener.committed(d.entry());
            Envelopes.ok(ctx, 200, d.deleted(), null);
        } else if (outcome instanceof LifecycleOutcome.Stale s) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", s.current().version());
            details.put("current", s.current());
            details.put("changedSince", s.changedSince());
            String message = "Not retired: " + ConflictMessage.describe(s.current(), version, s.changedSince(),
                    clock.now());
            throw new ApiError(fromQuery == null ? 412 : 409, ErrorCode.CONFLICT_VERSION_MISMATCH, message, details);
        } else if (outcome instanceof LifecycleOutcome.HasDependents h) {
            StringBuilder what = new StringBuilder();
            for (Dependents d : h.dependents()) {
                what.append(what.isEmpty() ? "" : "; ").append(d.count()).append(' ').append(d.entity())
                        .append(" (").append(String.join(", ", d.firstIds())).append(d.count() > d.firstIds().size()
                                ? ", ..." : "").append(')');
            }
            throw new ApiError(409, ErrorCode.HAS_DEPENDENTS, "This " + kind.singular() + " cannot be retired while "
                    + "live records point to it: " + what + ". Retire or move them first.",
                    Map.of("dependents", h.dependents()));
        } else if (outcome instanceof LifecycleOutcome.NotFound) {
            throw notFound(kind, id);
        } else {
            throw new IllegalStateException("delete came to " + outcome);
        }
    }

    private void restore(Context ctx, EntityKind kind) {
        requireRealMethod(ctx, "POST");
        TokenStore.Principal who = Auth.principal(ctx);
        if (!who.role().mayOverride()) {
            throw new ApiError(ErrorCode.FORBIDDEN, "Only an admin may restore a retired record");
        }
        String id = id(ctx, kind);
        BodyRules.requireJson(ctx);
        String reason = reason(BodyRules.body(ctx));
        LifecycleOutcome outcome = lifecycle.restore(kind, id, who.actor(), reason);
        if (outcome instanceof LifecycleOutcome.Written w) {
            listener.committed(w.entry());
            ctx.header(ApiPaths.ETAG, ApiPaths.etag(w.entity().version()));
            Envelopes.ok(ctx, 200, w.entity(), null);
        } else if (outcome instanceof LifecycleOutcome.NotDeleted n) {
            throw new ApiError(409, ErrorCode.NOT_DELETED, "This " + kind.singular()
                    + " is not retired; nothing to restore", Map.of("current", n.current()));
        } else if (outcome instanceof LifecycleOutcome.NotFound) {
            throw notFound(kind, id);
        } else {
            throw new IllegalStateException("restore came to " + outcome);
        }
    }

    /**
     * Javalin routes by the X-HTTP-Method-Override header; a PATCH (or anything a proxy lets through) must
     * not turn into a create or a delete that way.
     */
    private static void requireRealMethod(Context ctx, String method) {
        if (!method.equals(ctx.req().getMethod())) {
            throw new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not support "
                    + ctx.req().getMethod() + "; send a real " + method);
        }
    }

    private static String reason(byte[] body) {
        JsonNode reason = StrictJson.object(body, "{\"reason\": \"why it comes back\"}").get("reason");
        if (reason == null || !reason.isTextual() || reason.textValue().isBlank()) {
            throw PatchInput.validation(java.util.List.of(new dev.concord.api.FieldError("reason", "REQUIRED",
                    "A restore needs a reason: {\"reason\": \"why it comes back\"}")));
        }
        String text = reason.textValue().strip();
        String problem = WireFieldRules.textProblem(text, false);
        if (problem == null && text.codePointCount(0, text.length()) > MAX_REASON) {
            problem = "is too long (at most " + MAX_REASON + " characters)";
        }
        if (problem != null) {
            throw PatchInput.validation(java.util.List.of(new dev.concord.api.FieldError("reason", "INVALID_VALUE",
                    "The reason " + problem)));
        }
        return text;
    }


    private static ApiError alreadyExists(EntityKind kind, String id, Object current) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (current != null) {
            details.put("current", current);
        }
        return new ApiError(409, ErrorCode.ALREADY_EXISTS, "There already is a " + kind.singular() + " " + id
                + (current == null ? " (retired; an admin may restore it)" : "") + "; leave out the id to get a new one",
                details);
    }


    /**
     * The version an If-Match names, compared as RFC 9110 says and as PATCH does: a lone strong tag is the
     * version; {@code *} names none (the query must); a weak tag never matches strongly, and a list matches
     * when one of its strong tags names the version now, which the retirement is then based on.
     */
    private Long ifMatchVersion(EntityKind kind, String id, Preconditions ifMatch) {
        if (ifMatch == null || ifMatch.any()) {
            return null;
        }
        Long lone = ifMatch.singleStrongVersion();
        if (lone != null) {
            return lone;
        }
        Entity current = lifecycle.live(kind, id).orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND,
                "There is no " + kind.singular() + " " + id));
        if (!ifMatch.strongMatch(current.version())) {
            throw RecordRoutes.preconditionFailed(current, ApiPaths.IF_MATCH);
        }
        return current.version();
    }

    private static String id(Context ctx, EntityKind kind) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new ApiError(ErrorCode.NOT_FOUND, "There is no " + kind.singular() + " with that id");
        }
        return id;
    }

    private static ApiError notFound(EntityKind kind, String id) {
        return new ApiError(ErrorCode.NOT_FOUND, "There is no " + kind.singular() + " " + id);
    }
}
