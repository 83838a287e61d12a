package dev.concord.api;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.InvalidFieldValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts field values between canonical form (domain) and wire form (JSON), validating on the way in. */
public final class WireValues {
    private WireValues() {
    }

    public static Map<String, Object> toWire(EntityKind kind, Map<String, ?> canonical) {
        Map<String, Object> out = new LinkedHashMap<>();
        canonical.forEach((name, value) -> out.put(name, kind.requireField(name).toWire(value)));
        return out;
    }

    /**
     * Parses changes sent by a client. Every refused field is reported, not just the first.
     *
     * @throws ValidationException listing unknown, read-only and invalid fields
     */
    public static Map<String, Object> parseChanges(EntityKind kind, Map<String, ?> wire) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        wire.forEach((name, value) -> {
            if (EntityKind.READ_ONLY_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "READ_ONLY", name + " is set by the server and cannot be changed"));
                return;
            }
            FieldSpec spec = kind.field(name).orElse(null);
            if (spec == null) {
                errors.add(new FieldError(name, "UNKNOWN_FIELD", "A " + kind.singular() + " has no field " + name));
                return;
            }
            try {
                out.put(name, spec.parse(value));
            } catch (InvalidFieldValueException e) {
                errors.add(new FieldError(name, "INVALID_VALUE", e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }
}
