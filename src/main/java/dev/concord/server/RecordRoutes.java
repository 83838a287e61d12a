package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import dev.concord.api.HistoryEntry;
import dev.concord.api.ValidationException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The routes of subscriptions, plans and invoices: list, get, versions/{n}, history, PATCH. */
final class RecordRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    static final String IF_NONE_MATCH = "If-None-Match";

    private final RecordRepository records;
    private final IdempotencyStore idempotency;
    private final ServerClock clock;
    private final WriteListener listener;

    /** Told about every committed write, after commit (the live event stream listens here). */
    @FunctionalInterface
    interface WriteListener {
        void committed(HistoryEntry entry);
    }

    RecordRoutes(RecordRepository records, IdempotencyStore idempotency, ServerClock clock, WriteListener listener) {
        this.records = records;
        this.idempotency = idempotency;
        this.clock = clock;
        this.listener = listener;
    }

    void register(Javalin app) {
        for (EntityKind kind : EntityKind.values()) {
            String base = ApiPaths.PREFIX + "/" + kind.path();
            // HEAD is GET without the body: the same handler, so status and headers (ETag, 404) agree.
            app.get(base, ctx -> list(ctx, kind));
            app.head(base, ctx -> list(ctx, kind));
            app.get(base + "/{id}", ctx -> get(ctx, kind));
            app.head(base + "/{id}", ctx -> get(ctx, kind));
            app.get(base + "/{id}/versions/{n}", ctx -> version(ctx, kind));
            app.head(base + "/{id}/versions/{n}", ctx -> version(ctx, kind));
            app.get(base + "/{id}/history", ctx -> history(ctx, kind));
            app.head(base + "/{id}/history", ctx -> history(ctx, kind));
            app.patch(base + "/{id}", ctx -> patch(ctx, kind));
        }
    }

    private void list(Context ctx, EntityKind kind) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "q is too long (at most 200 characters)");
        }
        String status = ctx.queryParam("status");
        if (status != null && !status.isEmpty()) {
            var spec = kind.field("status").orElseThrow(() ->
                    new ApiError(ErrorCode.BAD_REQUEST, kind.singular() + "s have no status to filter on"));
            if (!spec.allowedValues().contains(status)) {
                throw new ApiError(ErrorCode.BAD_REQUEST, "status must be one of "
                        + String.join(", ", spec.allowedValues()) + "; was '" + status + "'");
            }
        } else {
            status = null;
        }
        int limit = parseLimit(ctx.queryParam("limit"), DEFAULT_LIMIT);
        String after = decodeCursor(ctx.queryParam("cursor"));
        RecordPage page = records.list(kind, q, status, limit, after);
        Envelopes.ok(ctx, 200, page.items(), page.lastIdIfMore() == null ? null : encodeCursor(page.lastIdIfMore()));
    }

    private void get(Context ctx, EntityKind kind) {
        Preconditions ifMatch = Preconditions.parse(ctx.header(ApiPaths.IF_MATCH), ApiPaths.IF_MATCH);
        Preconditions ifNoneMatch = Preconditions.parse(ctx.header(IF_NONE_MATCH), IF_NONE_MATCH);
        Entity e = records.find(kind, id(ctx)).orElseThrow(() -> notFound(kind, ctx.pathParam("id")));
        ctx.header(ApiPaths.ETAG, ApiPaths.etag(e.version()));
        if (ifMatch != null && !ifMatch.strongMatch(e.version())) {
            throw preconditionFailed(e, ApiPaths.IF_MATCH);
        }
        if (ifNoneMatch != null && ifNoneMatch.weakMatch(e.version())) {
            ctx.status(304); // RFC 9110 13.1.2: the client's copy is current; no body
            return;
        }
        Envelopes.ok(ctx, 200, e, null);
    }

    private void version(Context ctx, EntityKind kind) {
        String id = id(ctx);
        long n = PatchInput.parseVersion(ctx.pathParam("n"), "The version in the path");
        Entity e = records.versionAt(kind, id, n).orElseThrow(() -> records.find(kind, id).isPresent()
                ? new ApiError(ErrorCode.NOT_FOUND, "This " + kind.singular() + " has no version " + n)
                : notFound(kind, id));
        ctx.header(ApiPaths.ETAG, ApiPaths.etag(e.version()));
        Envelopes.ok(ctx, 200, e, null);
    }

    private void history(Context ctx, EntityKind kind) {
        String id = id(ctx);
        int limit = parseLimit(ctx.queryParam("limit"), MAX_LIMIT);
        Long beforeSeq = HistoryCursor.decode(ctx.queryParam("cursor"));
        List<HistoryEntry> entries = records.history(kind, id, beforeSeq, limit + 1).orElseThrow(() -> notFound(kind, id));
        if (entries.size() > limit) {
            List<HistoryEntry> page = entries.subList(0, limit);
            Envelopes.ok(ctx, 200, List.copyOf(page), HistoryCursor.encode(page.get(limit - 1).seq()));
        } else {
            Envelopes.ok(ctx, 200, entries, null);
        }
    }

    private void patch(Context ctx, EntityKind kind) {
        TokenStore.Principal who = Auth.principal(ctx);
        if (!who.role().mayEdit()) {
            throw new ApiError(ErrorCode.FORBIDDEN, "A " + who.role().wire() + " may read but not edit");
        }
        String id = id(ctx);
        // Most PATCHes have no query string: then no query map is parsed just to find no "force" (issue 16).
        boolean force = ctx.queryString() != null && parseForce(ctx.queryParam("force"));
        String reason = ctx.header(ApiPaths.OVERRIDE_REASON);
        if (force) {
            if (!who.role().mayOverride()) {
                throw new ApiError(ErrorCode.FORBIDDEN, "Only an admin may force a change over a newer version");
            }
            if (reason == null || reason.isBlank()) {
                throw new ApiError(ErrorCode.OVERRIDE_REASON_REQUIRED,
                        "A forced change needs a reason in the " + ApiPaths.OVERRIDE_REASON + " header");
            }
            reason = OverrideReason.decode(reason);
        }
        Preconditions ifMatch = Preconditions.parse(ctx.header(ApiPaths.IF_MATCH), ApiPaths.IF_MATCH);
        Preconditions ifNoneMatch = Preconditions.parse(ctx.header(IF_NONE_MATCH), IF_NONE_MATCH);
        BodyRules.requireJson(ctx);
        PatchInput input = PatchInput.parse(kind, BodyRules.body(ctx), ifMatch);
        Long expected = input.version();
        Long lone = ifMatch == null ? null : ifMatch.singleStrongVersion();
        boolean disagree = lone != null && input.bodyVersion() != null && !lone.equals(input.bodyVersion());
        if ((ifMatch != null && lone == null) || disagree || ifNoneMatch != null) {
            // Evaluated on the record as it is now (RFC 9110 13.2.2: If-Match first, then If-None-Match).
            Entity current = records.find(kind, id).orElseThrow(() -> notFound(kind, id));
            if (ifMatch != null && !ifMatch.strongMatch(current.version())) {
                throw preconditionFailed(current, ApiPaths.IF_MATCH);
            }
            if (ifNoneMatch != null && ifNoneMatch.weakMatch(current.version())) {
                throw preconditionFailed(current, IF_NONE_MATCH);
            }
            if (disagree) {
                throw new ApiError(ErrorCode.VERSION_HEADER_MISMATCH, "The body says version " + input.bodyVersion()
                        + " but If-Match says " + lone + "; send one version, or the same in both");
            }
            if (expected == null && ifMatch != null && !ifMatch.any()) {
                expected = current.version(); // a listed tag matched: the write is based on it
            }
        }
        if (!force && expected == null) {
            throw new ApiError(ErrorCode.PRECONDITION_REQUIRED, "Say which version your change is based on: "
                    + "\"version\" in the body or an If-Match header with its ETag");
        }
        long base = expected == null ? 0 : expected;
        String key = IdempotentRequests.key(ctx);
        // Only a request with a key needs the fingerprint (it serializes and hashes the changes).
        String fingerprint = key == null ? null : input.fingerprint(kind, id, force, reason);
        // An override looks its key up first; an update looks it up in the read before its write (one round trip
        // for both; a stored answer comes back as AnsweredMeanwhile).
        if (force && key != null && IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "change")) {
            return;
        }
        IdempotentRequests.Answer hook = IdempotentRequests.answer(idempotency, who, key, fingerprint, 200);
        WriteOutcome outcome;
        try {
            outcome = force
                    ? records.override(kind, id, expected, input.changes(), who.actor(), reason, hook)
                    : records.update(kind, id, base, input.changes(), who.actor(), hook);
        } catch (StorageException e) {
            // A twin request with the same key committed first: answer what it answered.
            if (key != null && IdempotencyStore.isUniqueViolation(e)
                    && IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "change")) {
                return;
            }
            throw e;
        } catch (ApiError | ValidationException e) {
            // Refused on what is there now (a reference retired since): a retry is still answered as at first.
            if (key != null && IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "change")) {
                return;
            }
            throw e;
        }
        if (outcome instanceof WriteOutcome.Written w) {
            if (w.entry() != null) {
                listener.committed(w.entry()); // a no-op write has no entry and tells no one
            }
            hook.send(ctx, w.entity());
        } else if (outcome instanceof WriteOutcome.AnsweredMeanwhile) {
            if (!IdempotentRequests.replayed(idempotency, ctx, who, key, fingerprint, "change")) {
                throw new IllegalStateException("idempotent answer vanished between two statements");
            }
        } else if (outcome instanceof WriteOutcome.Conflict c) {
            throw conflict(c, base, ifMatch != null);
        } else {
            throw notFound(kind, id);
        }
    }


    private ApiError conflict(WriteOutcome.Conflict c, long base, boolean ifMatchSent) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", c.current().version());
        details.put("current", c.current());
        details.put("changedSince", c.changedSince());
        String message = ConflictMessage.describe(c.current(), base, c.changedSince(), clock.now());
        // RFC 9110: whenever a received If-Match fails it is a 412; a stale body version alone is a 409 conflict.
        int status = ifMatchSent ? 412 : 409;
        return new ApiError(status, ErrorCode.CONFLICT_VERSION_MISMATCH, message, details);
    }

    /** A precondition header that does not hold for the record as it is now: 412 with the current record. */
    static ApiError preconditionFailed(Entity current, String header) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", current.version());
        details.put("current", current);
        details.put("changedSince", List.of());
        return new ApiError(412, ErrorCode.CONFLICT_VERSION_MISMATCH, "The " + header + " condition does not hold:"
                + " this " + current.kind().singular() + " is at version " + current.version() + " (ETag "
                + ApiPaths.etag(current.version()) + ")", details);
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new ApiError(ErrorCode.NOT_FOUND, "No record has the id '" + truncate(id) + "'");
        }
        return id;
    }

    private static ApiError notFound(EntityKind kind, String id) {
        return new ApiError(ErrorCode.NOT_FOUND, "There is no " + kind.singular() + " " + truncate(id));
    }

    private static boolean parseForce(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "force must be true or false, was '" + truncate(raw) + "'");
    }


    private static int parseLimit(String raw, int byDefault) {
        if (raw == null || raw.isEmpty()) {
            return byDefault;
        }
        if (raw.matches("\\d{1,4}")) {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT
                + ", was '" + truncate(raw) + "'");
    }

    static String encodeCursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("after:") && ID.matcher(text.substring(6)).matches()) {
                return text.substring(6);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ApiError(ErrorCode.BAD_REQUEST, "cursor is not one this server handed out; pass meta.nextCursor as is");
    }

    private static String truncate(String s) {
        String oneLine = s.replaceAll("[\\r\\n]", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}
