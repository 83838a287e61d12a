package dev.concord.ui.records;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which columns the table of each kind shows, and how each cell reads its record. */
final class RecordColumns {
    record Column(String id, String header, double width, Function<Entity, String> text) {
    }

    /** Shorter headers where the field label would not fit a narrow column. */
    private static final java.util.Map<String, String> HEADERS = java.util.Map.of(
            "customerName", "Customer", "nextBillingDate", "Next billing", "subscriptionId", "Subscription",
            "billingCycle", "Cycle");

    private RecordColumns() {
    }

    static List<Column> forKind(EntityKind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", "Id", 90, Entity::id));
        List<String> shown = switch (kind) {
            case SUBSCRIPTION -> List.of("customerName", "planId", "status", "amount", "nextBillingDate");
            case PLAN -> List.of("name", "tier", "price", "billingCycle", "active");
            case INVOICE -> List.of("number", "subscriptionId", "status", "total", "dueDate");
        };
        for (String name : shown) {
            FieldSpec spec = kind.requireField(name);
            columns.add(new Column(name, HEADERS.getOrDefault(name, spec.label()), widthOf(spec),
                    record -> cell(kind, spec, record)));
        }
        columns.add(new Column("updatedBy", "Updated by", 106, Entity::updatedBy));
        columns.add(new Column("version", "Ver.", 48, r -> "v" + r.version()));
        return columns;
    }

    private static String cell(EntityKind kind, FieldSpec spec, Entity record) {
        Object value = record.values().get(spec.name());
        String shown = spec.type() == dev.concord.domain.FieldType.ENUM
                ? dev.concord.ui.common.Labels.ofWire((String) value) : spec.display(value);
        // An amount means nothing without its currency.
        if (spec.type() == dev.concord.domain.FieldType.MONEY && kind.field("currency").isPresent()) {
            Object currency = record.values().get("currency");
            return currency == null ? shown : shown + " " + currency;
        }
        return shown;
    }

    private static double widthOf(FieldSpec spec) {
        return switch (spec.type()) {
            case TEXT, EMAIL -> 125;
            case MONEY -> 100;
            case DATE -> 110;
            case REFERENCE -> 128;
            default -> 86;
        };
    }
}
