package dev.concord.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.Json;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.TextHunk;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a conflict store. Entities are kept as their wire JSON next to their kind, and
 * field values in wire form, so that a reload gives back equal records (BigDecimal scale, dates, tag sets).
 */
final class StoreFile {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = Json.mapper();

    private StoreFile() {
    }

    record Document(@JsonProperty("format") int format,
                    @JsonProperty("conflicts") List<ConflictJson> conflicts,
                    @JsonProperty("pending") List<PendingJson> pending) {
        Document {
            conflicts = conflicts == null ? List.of() : conflicts;
            pending = pending == null ? List.of() : pending;
        }
    }

    record ConflictJson(@JsonProperty("conflictId") String conflictId,
                        @JsonProperty("kind") String kind,
                        @JsonProperty("entityId") String entityId,
                        @JsonProperty("base") JsonNode base,
                        @JsonProperty("mine") Map<String, Object> mine,
                        @JsonProperty("theirs") JsonNode theirs,
                        @JsonProperty("mergedSoFar") Map<String, Object> mergedSoFar,
                        @JsonProperty("conflicts") List<FieldConflictJson> conflicts,
                        @JsonProperty("createdAt") Instant createdAt) {
    }

    record FieldConflictJson(@JsonProperty("field") String field,
                             @JsonProperty("base") Object base,
                             @JsonProperty("mine") Object mine,
                             @JsonProperty("theirs") Object theirs,
                             @JsonProperty("textHunks") List<HunkJson> textHunks) {
    }

    record HunkJson(@JsonProperty("baseStart") int baseStart,
                    @JsonProperty("baseLines") List<String> baseLines,
                    @JsonProperty("mineLines") List<String> mineLines,
                    @JsonProperty("theirsLines") List<String> theirsLines) {
    }

    record PendingJson(@JsonProperty("pendingId") String pendingId,
                       @JsonProperty("kind") String kind,
                       @JsonProperty("entityId") String entityId,
                       @JsonProperty("base") JsonNode base,
                       @JsonProperty("mine") Map<String, Object> mine,
                       @JsonProperty("idempotencyKey") String idempotencyKey,
                       @JsonProperty("createdAt") Instant createdAt,
                       @JsonProperty("lastError") String lastError,
                       @JsonProperty("reason") ReasonJson reason) {
    }

    /**
     * Why the last attempt failed, as codes. Stores written before it had only {@code lastError}, an English
     * sentence; it is still written (the English of the log) so an earlier console can read this file too.
     */
    record ReasonJson(@JsonProperty("code") String code,
                      @JsonProperty("errorCode") String errorCode,
                      @JsonProperty("status") int status,
                      @JsonProperty("count") long count,
                      @JsonProperty("subject") String subject) {
    }

    static byte[] write(List<Conflict> conflicts, List<PendingEdit> pending) throws IOException {
        List<ConflictJson> cs = new ArrayList<>();
        for (Conflict c : conflicts) {
            EntityKind k = c.kind();
            List<FieldConflictJson> fcs = new ArrayList<>();
            for (FieldConflict f : c.conflicts()) {
                List<HunkJson> hunks = f.textHunks().stream()
                        .map(h -> new HunkJson(h.baseStart(), h.baseLines(), h.mineLines(), h.theirsLines())).toList();
                fcs.add(new FieldConflictJson(f.field(), CanonicalValues.toJson(k, f.field(), f.base()),
                        CanonicalValues.toJson(k, f.field(), f.mine()), CanonicalValues.toJson(k, f.field(), f.theirs()),
                        hunks));
            }
            cs.add(new ConflictJson(c.conflictId(), k.path(), c.entityId(), entity(c.base()),
                    CanonicalValues.toJson(k, c.mine()), entity(c.theirs()), CanonicalValues.toJson(k, c.mergedSoFar()),
                    fcs, c.createdAt()));
        }
        List<PendingJson> ps = new ArrayList<>();
        for (PendingEdit p : pending) {
            ps.add(new PendingJson(p.pendingId(), p.kind().path(), p.entityId(), entity(p.base()),
                    CanonicalValues.toJson(p.kind(), p.mine()), p.idempotencyKey(), p.createdAt(), lastError(p.lastError()),
                    reason(p.lastError())));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Document(FORMAT, cs, ps));
    }

    /** @throws IOException or a runtime exception when the document is not a store this code wrote */
    static Document read(byte[] bytes) throws IOException {
        Document doc = JSON.readValue(bytes, Document.class);
        if (doc == null || doc.format() != FORMAT) {
            throw new IOException("not a conflict store of format " + FORMAT);
        }
        return doc;
    }

    static Conflict conflict(ConflictJson j) throws IOException {
        EntityKind k = kind(j.kind());
        List<FieldConflict> fcs = new ArrayList<>();
        for (FieldConflictJson f : j.conflicts() == null ? List.<FieldConflictJson>of() : j.conflicts()) {
            List<TextHunk> hunks = f.textHunks() == null ? List.of() : f.textHunks().stream()
                    .map(h -> new TextHunk(h.baseStart(), h.baseLines(), h.mineLines(), h.theirsLines())).toList();
            fcs.add(new FieldConflict(f.field(), CanonicalValues.fromJson(k, f.field(), f.base()),
                    CanonicalValues.fromJson(k, f.field(), f.mine()), CanonicalValues.fromJson(k, f.field(), f.theirs()),
                    hunks));
        }
        return new Conflict(j.conflictId(), k, j.entityId(), entity(k, j.base()), CanonicalValues.fromJson(k, j.mine()),
                entity(k, j.theirs()), CanonicalValues.fromJson(k, j.mergedSoFar()), fcs, j.createdAt());
    }

    static PendingEdit pending(PendingJson j) throws IOException {
        EntityKind k = kind(j.kind());
        return new PendingEdit(j.pendingId(), k, j.entityId(), entity(k, j.base()), CanonicalValues.fromJson(k, j.mine()),
                j.idempotencyKey(), j.createdAt(), reason(j.reason(), j.lastError()));
    }

    private static String lastError(Reason r) {
        if (r == null) {
            return null;
        }
        return r.detail() != null ? r.detail() : r.code().name();
    }

    private static ReasonJson reason(Reason r) {
        return r == null || r.code() == Reason.Code.EARLIER ? null
                : new ReasonJson(r.code().name(), r.errorCode(), r.status(), r.count(), r.subject());
    }

    /** The codes when this version wrote them, else the sentence an earlier one kept (or a code it does not know). */
    private static Reason reason(ReasonJson j, String lastError) {
        if (j == null || j.code() == null) {
            return Reason.earlier(lastError);
        }
        try {
            return new Reason(Reason.Code.valueOf(j.code()), j.errorCode(), j.status(), j.count(), j.subject(), lastError);
        } catch (IllegalArgumentException newer) {
            return Reason.of(Reason.Code.EARLIER, lastError != null ? lastError : j.code());
        }
    }

    private static JsonNode entity(Entity e) {
        return e == null ? null : JSON.valueToTree(e);
    }

    private static Entity entity(EntityKind kind, JsonNode node) throws IOException {
        return node == null || node.isNull() ? null : JSON.treeToValue(node, kind.type());
    }

    private static EntityKind kind(String path) throws IOException {
        return EntityKind.fromPath(path).orElseThrow(() -> new IOException("unknown record kind " + path));
    }
}
