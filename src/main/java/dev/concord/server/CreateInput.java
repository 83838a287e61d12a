package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.FieldError;
import dev.concord.api.Json;
import dev.concord.api.ValidationException;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A new record as a client sent it ({@code POST} body, or an import row): the id it asked for (null: the
 * server picks one) and every field in canonical form. Fields are checked exactly as PATCH checks its
 * changes; fields that may be empty get their empty value when left out (tags, features, notes, false).
 */
record CreateInput(String id, FieldValues values, EntityKind kind, ObjectNode asSent) {
    /** Ids that other records can refer to (a reference field accepts only these). */
    private static final Pattern ID = Pattern.compile("^[a-z]+_[A-Za-z0-9_-]{1,60}$");

    static CreateInput parse(EntityKind kind, byte[] body) {
        ObjectNode obj = StrictJson.object(body, "the new " + kind.singular() + "'s fields, such as {\""
                + kind.fields().get(0).name() + "\": \"...\"}");
        try {
            return of(kind, obj);
        } catch (ValidationException e) {
            throw PatchInput.validation(e.fields());
        }
    }

    /**
     * Checks the fields of a new record ({@code id} optional, no {@code version}).
     *
     * @throws ValidationException naming every refused or missing field
     */
    static CreateInput of(EntityKind kind, ObjectNode raw) {
        ObjectNode fields = raw.deepCopy();
        List<FieldError> errors = new ArrayList<>();
        String id = null;
        JsonNode idNode = fields.remove("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual() && ID.matcher(idNode.textValue()).matches()) {
                id = idNode.textValue();
            } else {
                errors.add(new FieldError("id", "INVALID_VALUE", "id must look like " + example(kind)
                        + ": lower-case letters, an underscore, then up to 60 letters, digits, _ or -"));
            }
        }
        // Fields that have an empty value may be left out or sent as null.
        for (FieldSpec f : kind.fields()) {
            if (fields.has(f.name()) && fields.get(f.name()).isNull() && emptyValue(f) != null) {
                fields.remove(f.name());
            }
        }
        Map<String, Object> canonical = Map.of();
        try {
            canonical = PatchInput.checkedFields(kind, fields);
        } catch (ValidationException e) {
            errors.addAll(e.fields());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec f : kind.fields()) {
            if (canonical.containsKey(f.name())) {
                values.put(f.name(), canonical.get(f.name()));
            } else if (!fields.has(f.name())) {
                Object empty = emptyValue(f);
                if (empty == null && f.required()) {
                    errors.add(new FieldError(f.name(), "REQUIRED", f.label() + " is required for a new " + kind.singular()));
                }
                values.put(f.name(), empty);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CreateInput(id, FieldValues.of(values), kind, raw);
    }

    /** A fresh id such as {@code sub_3f9k2m1q8zta}. */
    static String newId(EntityKind kind) {
        return prefix(kind) + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static String prefix(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> "sub_";
            case PLAN -> "plan_";
            case INVOICE -> "inv_";
        };
    }

    private static String example(EntityKind kind) {
        return prefix(kind) + "0001";
    }

    private static Object emptyValue(FieldSpec f) {
        return switch (f.type()) {
            case TAG_SET -> java.util.Set.of();
            case STRING_LIST -> List.of();
            case LONG_TEXT -> "";
            case BOOLEAN -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Tells a retry of this create (same Idempotency-Key, same body) from a reuse of the key. Computed only
     * when asked, i.e. only for a request with a key (it serializes and hashes the body: issue 16).
     */
    String fingerprint() {
        ObjectNode fields = asSent;
        try {
            String json = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(Json.mapper().convertValue(fields, java.util.TreeMap.class));
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("POST\n" + kind.path() + "\n" + json).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("fingerprint of parsed JSON always computes", e);
        }
    }
}
