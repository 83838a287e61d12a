package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.ErrorCode;
import dev.concord.api.FieldError;
import dev.concord.api.Json;
import dev.concord.api.ValidationException;
import dev.concord.api.WireValues;
import dev.concord.domain.EntityKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A PATCH request taken apart and checked: the version it is based on (body, or a lone If-Match tag), and the
 * changed fields in canonical form. Every refusal is an {@link ApiError} naming the problem.
 *
 * @param version          the base version, or null when the client sent none
 * @param bodyVersion      the version in the body, or null
 * @param changes          canonical values of the changed fields
 * @param wireChanges      the changes as sent, for hashing
 */
record PatchInput(Long version, Long bodyVersion, Map<String, Object> changes,
                  Map<String, Object> wireChanges) {
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;

    static PatchInput parse(EntityKind kind, byte[] body, Preconditions ifMatch) {
        Long headerVersion = ifMatch == null ? null : ifMatch.singleStrongVersion();
        ObjectNode obj = StrictJson.object(body, "{\"version\": N, \"changes\": {...}}");
        StrictJson.onlyMembers(obj, Set.of("version", "changes"), "the body has only version and changes;"
                + " put fields inside changes");
        Long bodyVersion = parseBodyVersion(obj.get("version"));
        JsonNode changesNode = obj.get("changes");
        if (changesNode == null || !changesNode.isObject()) {
            throw validation(List.of(new FieldError("changes", "INVALID_VALUE",
                    "changes must be an object of the fields to change, such as {\"status\": \"paused\"}")));
        }
        if (changesNode.isEmpty()) {
            throw validation(List.of(new FieldError("changes", "INVALID_VALUE", "changes must name at least one field")));
        }
        Map<String, Object> wire = wireValues((ObjectNode) changesNode);
        List<FieldError> errors = new ArrayList<>(WireFieldRules.check(kind, (ObjectNode) changesNode));
        Map<String, Object> canonical = Map.of();
        try {
            canonical = WireValues.parseChanges(kind, wire);
        } catch (ValidationException e) {
            e.fields().stream().filter(f -> errors.stream().noneMatch(x -> x.field().equals(f.field()))).forEach(errors::add);
        }
        errors.addAll(datesOutOfRange(kind, canonical));
        if (!errors.isEmpty()) {
            throw validation(errors);
        }
        Long version = bodyVersion != null ? bodyVersion : headerVersion;
        return new PatchInput(version, bodyVersion, canonical, wire);
    }

    /**
     * The members of {@code obj} as plain Java values, exactly as {@code convertValue(obj, LinkedHashMap.class)}
     * makes them. Text, null and true/false (nearly every change) are taken from the tree directly: the general
     * conversion writes the tree into a token buffer and parses it again, ~4% of a PATCH's request-thread CPU
     * (issue 16 profile). Anything else (numbers, arrays, objects) still goes through Jackson.
     */
    static Map<String, Object> wireValues(ObjectNode obj) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode v = member.getValue();
            if (v.isTextual()) {
                out.put(member.getKey(), v.textValue());
            } else if (v.isNull()) {
                out.put(member.getKey(), null);
            } else if (v.isBoolean()) {
                out.put(member.getKey(), v.booleanValue());
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> general = Json.mapper().convertValue(obj, LinkedHashMap.class);
                return general;
            }
        }
        return out;
    }

    /**
     * ISO dates may name years far beyond what databases store (PostgreSQL stops at 5874897, H2 would take
     * them); no billing or due date is outside four-digit years.
     */
    private static List<FieldError> datesOutOfRange(EntityKind kind, Map<String, Object> canonical) {
        List<FieldError> out = new ArrayList<>();
        canonical.forEach((name, value) -> {
            if (value instanceof java.time.LocalDate d && (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR)) {
                out.add(new FieldError(name, "INVALID_VALUE", kind.requireField(name).label()
                        + " must be between " + MIN_YEAR + " and " + MAX_YEAR));
            }
        });
        return out;
    }

    /** A fingerprint of what the request asks for, to tell a retry from a reuse of its Idempotency-Key. */
    String fingerprint(EntityKind kind, String id, boolean force, String reason) {
        try {
            String changesJson = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(new TreeMap<>(wireChanges));
            String text = String.join("\n", "PATCH", kind.path(), id, String.valueOf(version), String.valueOf(force),
                    reason == null ? "" : reason, changesJson);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("fingerprint of parsed JSON always computes", e);
        }
    }

    static ApiError validation(List<FieldError> fields) {
        String message = "Some fields were refused: " + String.join("; ", fields.stream().map(FieldError::message).toList());
        return new ApiError(422, ErrorCode.VALIDATION_FAILED, message, Map.of("fields", fields));
    }

    /** A version in a URL or header: a positive integer. */
    static long parseVersion(String raw, String where) {
        if (raw != null && raw.matches("\\d{1,18}")) {
            long v = Long.parseLong(raw);
            if (v >= 1) {
                return v;
            }
        }
        throw new ApiError(ErrorCode.INVALID_VERSION, where + " must be a positive whole number, was '" + raw + "'");
    }

    private static Long parseBodyVersion(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new ApiError(ErrorCode.INVALID_VERSION, "version must be a positive whole number, was " + truncate(node.toString()));
        }
        return node.asLong();
    }

    private static String truncate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /**
     * The checks PATCH makes of its {@code changes}, for the fields of a create or an import row: the wire
     * rules, unknown, read-only and invalid fields, dates out of range. Every refused field is collected; the
     * canonical values are returned when there is none.
     *
     * @throws ValidationException listing every refused field
     */
    static Map<String, Object> checkedFields(EntityKind kind, ObjectNode fields) {
        Map<String, Object> wire = wireValues(fields);
        List<FieldError> errors = new ArrayList<>(WireFieldRules.check(kind, fields));
        Map<String, Object> canonical = Map.of();
        try {
            canonical = WireValues.parseChanges(kind, wire);
        } catch (ValidationException e) {
            e.fields().stream().filter(f -> errors.stream().noneMatch(x -> x.field().equals(f.field()))).forEach(errors::add);
        }
        errors.addAll(datesOutOfRange(kind, canonical));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return canonical;
    }
}
