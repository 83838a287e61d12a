package dev.concord.server;

import dev.concord.api.FieldError;
import dev.concord.api.ValidationException;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amounts have at most the minor digits of their record's currency (0 for JPY, 2 for EUR), and never more
 * than the two decimals the database stores. Checked in the write's transaction, since the currency may be
 * the one already stored rather than one in the request.
 */
final class MinorUnits {
    /** NUMERIC(14,2): the stored scale; a currency with three minor digits (KWD) is held to two. */
    static final int STORED_SCALE = 2;

    private MinorUnits() {
    }

    static void check(EntityKind kind, FieldValues current, Map<String, Object> changes) {
        if (kind.field("currency").isEmpty()) {
            return;
        }
        Object currency = changes.containsKey("currency") ? changes.get("currency") : current.get("currency");
        if (!(currency instanceof String code) || FieldSpec.minorDigits(code) < 0) {
            return; // the currency itself is refused elsewhere
        }
        int digits = Math.min(FieldSpec.minorDigits(code), STORED_SCALE);
        boolean currencyChanges = changes.containsKey("currency");
        List<FieldError> errors = new ArrayList<>();
        for (FieldSpec f : kind.fields()) {
            if (f.type() != FieldType.MONEY || !(changes.containsKey(f.name()) || currencyChanges)) {
                continue;
            }
            Object value = changes.containsKey(f.name()) ? changes.get(f.name()) : current.get(f.name());
            if (value instanceof BigDecimal amount && Math.max(0, amount.stripTrailingZeros().scale()) > digits) {
                errors.add(new FieldError(f.name(), "INVALID_VALUE", f.label() + " " + amount.toPlainString()
                        + " has more decimal places than " + code + " allows (at most " + digits + ")"
                        + (changes.containsKey(f.name()) ? "" : "; change it together with the currency")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
