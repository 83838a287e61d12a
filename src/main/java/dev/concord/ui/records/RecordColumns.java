package dev.concord.ui.records;

import static dev.concord.i18n.Localization.lang;

import dev.concord.i18n.DomainWords;
import dev.concord.i18n.Localization;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which columns the table of each kind shows, and how each cell reads its record. */
final class RecordColumns {
    /** Room for about ten characters of a name ("Niklaus K…"). */
    private static final double NAME_MIN_WIDTH = 80;

    record Column(String id, String header, double width, Function<RecordRow, String> text) {
        /**
         * Names (wide columns) give way when the table is narrow; short values (dates, versions, statuses) must
         * stay readable (at 800 px the customer and plan columns shrank to nothing while "Updated by" kept its
         * width).
         */
        boolean givesWay() {
            return width >= 125;
        }

        /** The narrowest the column gets at 100% text: a name's ten characters, else its whole width. */
        double minWidth() {
            return givesWay() ? NAME_MIN_WIDTH : width;
        }
    }


    private RecordColumns() {
    }

    static List<Column> forKind(EntityKind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", lang("column.id"), 90, RecordRow::id));
        for (String name : shown(kind)) {
            FieldSpec spec = kind.requireField(name);
            columns.add(new Column(name, header(kind, name), widthOf(spec),
                    record -> cell(kind, spec, record)));
        }
        // A name like the customer's: it gives way at narrow widths before the dates and amounts do.
        columns.add(new Column("updatedBy", lang("column.updatedBy"), 125, RecordRow::updatedBy));
        columns.add(new Column("version", lang("column.version"), 56, r -> "v" + r.version()));
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

    /** Shorter headers where the field label would not fit a narrow column. */
    private static String header(EntityKind kind, String field) {
        return switch (field) {
            case "customerName" -> lang("column.customer");
            case "nextBillingDate" -> lang("column.nextBilling");
            case "subscriptionId" -> lang("column.subscription");
            case "billingCycle" -> lang("column.cycle");
            default -> DomainWords.field(kind, field);
        };
    }

    private static String cell(EntityKind kind, FieldSpec spec, RecordRow record) {
        Object value = record.value(spec.name());
        String shown = spec.type() == dev.concord.domain.FieldType.ENUM
                ? dev.concord.ui.common.Labels.ofWire((String) value) : spec.display(value);
        // An amount means nothing without its currency; both as the agent's locale writes money.
        if (spec.type() == dev.concord.domain.FieldType.MONEY && value instanceof java.math.BigDecimal amount) {
            Object currency = record.value("currency");
            return currency == null ? shown : Localization.money(amount, String.valueOf(currency));
        }
        if (value instanceof java.time.LocalDate date) {
            return Localization.date(date);
        }
        return shown;
    }

    private static double widthOf(FieldSpec spec) {
        return switch (spec.type()) {
            case TEXT, EMAIL -> 125;
            case MONEY -> 100;
            case DATE -> 120;
            case REFERENCE -> 128;
            // Wide enough for the longest status word of the four languages ("Abgelaufen", "Suspendue").
            case ENUM -> 104;
            default -> 86;
        };
    }
}
