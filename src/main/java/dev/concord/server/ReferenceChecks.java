package dev.concord.server;

import dev.concord.api.FieldError;
import dev.concord.api.ValidationException;
import dev.concord.domain.EntityKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** References must name records that exist; the client gets a 422 naming the field otherwise. */
final class ReferenceChecks {
    private ReferenceChecks() {
    }

    static void check(Connection c, EntityKind kind, Map<String, Object> changes) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        checkReference(c, changes, "planId", kind == EntityKind.SUBSCRIPTION, EntityKind.PLAN, errors);
        checkReference(c, changes, "subscriptionId", kind == EntityKind.INVOICE, EntityKind.SUBSCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkReference(Connection c, Map<String, Object> changes, String field, boolean applies,
                                       EntityKind target, List<FieldError> errors) throws SQLException {
        if (!applies || !(changes.get(field) instanceof String ref)) {
            return;
        }
        if (!RecordRows.exists(c, target, ref, true)) {
            errors.add(new FieldError(field, "INVALID_VALUE", "There is no " + target.singular() + " " + ref));
        }
    }
}
