package dev.concord.ui.records;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which columns the table of each kind shows, and how each cell reads its record. */
final class RecordColumns {
    record Column(String id, String header, double width, Function<RecordRow, String> text) {
    }

    /** Shorter headers where the field label would not fit a narrow column. */
    private static final java.util.Map<String, String> HEADERS = java.util.Map.of(
            "customerName", "Customer", "nextBillingDate", "Next billing", "subscriptionId", "Subscription",
            "billingCycle", "Cycle");

    private RecordColumns() {
    }

    static List<Column> forKind(EntityKind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", "Id", 90, RecordRow::id));
        for (String name : shown(kind)) {
            FieldSpec spec = kind.requireField(name);
            columns.add(new Column(name, HEADERS.getOrDefault(name, spec.label()), widthOf(spec),
                    record -> cell(kind, spec, record)));
        }
        columns.add(new Column("updatedBy", "Updated by", 106, RecordRow::updatedBy));
        columns.add(new Column("version", "Ver.", 48, r -> "v" + r.version()));
        return columns;
    }

    private static List<String> shown(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> List.of("customerName", "planId", "status", "amount", "nextBillingDate");
            case PLAN -> List.of("name", "tier", "price", "billingCycle", "active");
            case INVOICE -> List.of("number", "subscriptionId", "status", "total", "dueDate");
        };
    }

    /** The fields a row must keep for its cells: the shown ones, and the currency that goes with an amount. */
    static List<String> fieldsRead(EntityKind kind) {
        return FIELDS_READ.get(kind);
    }

    private static final java.util.Map<EntityKind, List<String>> FIELDS_READ = new java.util.EnumMap<>(EntityKind.class);

    static {
        for (EntityKind kind : EntityKind.values()) {
            List<String> fields = new ArrayList<>(shown(kind));
            boolean money = fields.stream().anyMatch(f -> kind.requireField(f).type() == dev.concord.domain.FieldType.MONEY);
            if (money && kind.field("currency").isPresent()) {
                fields.add("currency");
            }
            FIELDS_READ.put(kind, List.copyOf(fields));
        }
    }

    private static String cell(EntityKind kind, FieldSpec spec, RecordRow record) {
        Object value = record.value(spec.name());
        String shown = spec.type() == dev.concord.domain.FieldType.ENUM
                ? dev.concord.ui.common.Labels.ofWire((String) value) : spec.display(value);
        // An amount means nothing without its currency.
        if (spec.type() == dev.concord.domain.FieldType.MONEY && kind.field("currency").isPresent()) {
            Object currency = record.value("currency");
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
