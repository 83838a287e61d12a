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

    /** A reference a write makes: the live record of {@code target} it names. */
    record Reference(EntityKind target, String id) {
    }

    /** The references {@code values} make (those {@link #check} looks up), for a write that checks them itself. */
    static List<Reference> made(EntityKind kind, Map<String, Object> values) {
        List<Reference> out = new ArrayList<>(1);
        if (kind == EntityKind.SUBSCRIPTION && values.get("planId") instanceof String ref) {
            out.add(new Reference(EntityKind.PLAN, ref));
        }
        if (kind == EntityKind.INVOICE && values.get("subscriptionId") instanceof String ref) {
            out.add(new Reference(EntityKind.SUBSCRIPTION, ref));
        }
        return out;
    }

    private static void checkReference(Connection c, Map<String, Object> changes, String field, boolean applies,
                                       EntityKind target, List<FieldError> errors) throws SQLException {
        if (!applies || !(changes.get(field) instanceof String ref)) {
            return;
        }
        if (!RecordRows.exists(c, target, ref, true)) {
            errors.add(new FieldError(field, "NO_SUCH_RECORD", "There is no " + target.singular() + " " + ref));
        }
    }
}
