package dev.concord.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three kinds of record, their wire path segment and their editable fields. */
public enum EntityKind {
    SUBSCRIPTION("subscriptions", "subscription", Subscription.class, List.of(
            FieldSpec.of("customerName", "Customer name", FieldType.TEXT),
            FieldSpec.of("customerEmail", "Customer email", FieldType.EMAIL),
            FieldSpec.sensitive("planId", "Plan", FieldType.REFERENCE),
            FieldSpec.oneOf("status", "Status", true, SubscriptionStatus.values()),
            FieldSpec.sensitive("amount", "Amount", FieldType.MONEY),
            FieldSpec.sensitive("currency", "Currency", FieldType.CURRENCY),
            FieldSpec.oneOf("billingCycle", "Billing cycle", false, BillingCycle.values()),
            FieldSpec.optional("nextBillingDate", "Next billing date", FieldType.DATE),
            FieldSpec.of("cancelAtPeriodEnd", "Cancel at period end", FieldType.BOOLEAN),
            FieldSpec.of("tags", "Tags", FieldType.TAG_SET),
            FieldSpec.of("notes", "Notes", FieldType.LONG_TEXT))),
    PLAN("plans", "plan", Plan.class, List.of(
            FieldSpec.of("name", "Name", FieldType.TEXT),
            FieldSpec.of("tier", "Tier", FieldType.TEXT),
            FieldSpec.sensitive("price", "Price", FieldType.MONEY),
            FieldSpec.sensitive("currency", "Currency", FieldType.CURRENCY),
            FieldSpec.oneOf("billingCycle", "Billing cycle", false, BillingCycle.values()),
            FieldSpec.of("features", "Features", FieldType.STRING_LIST),
            FieldSpec.of("active", "Active", FieldType.BOOLEAN))),
    INVOICE("invoices", "invoice", Invoice.class, List.of(
            FieldSpec.of("number", "Number", FieldType.TEXT),
            FieldSpec.sensitive("subscriptionId", "Subscription", FieldType.REFERENCE),
            FieldSpec.oneOf("status", "Status", true, InvoiceStatus.values()),
            FieldSpec.sensitive("total", "Total", FieldType.MONEY),
            FieldSpec.sensitive("currency", "Currency", FieldType.CURRENCY),
            FieldSpec.optional("dueDate", "Due date", FieldType.DATE),
            FieldSpec.of("notes", "Notes", FieldType.LONG_TEXT)));

    /** Fields that exist on every record but that no client may set. */
    public static final List<String> READ_ONLY_FIELDS = List.of("id", "version", "createdAt", "updatedAt", "updatedBy");

    private final String path;
    private final String singular;
    private final Class<? extends Entity> type;
    private final Map<String, FieldSpec> fields;

    EntityKind(String path, String singular, Class<? extends Entity> type, List<FieldSpec> fields) {
        this.path = path;
        this.singular = singular;
        this.type = type;
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec f : fields) {
            byName.put(f.name(), f);
        }
        this.fields = java.util.Collections.unmodifiableMap(byName);
    }

    /** The URL path segment, e.g. {@code subscriptions}. */
    public String path() {
        return path;
    }

    public String singular() {
        return singular;
    }

    public Class<? extends Entity> type() {
        return type;
    }

    public List<FieldSpec> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public FieldSpec requireField(String name) {
        FieldSpec f = fields.get(name);
        if (f == null) {
            throw new InvalidFieldValueException(name, "Unknown field " + name + " on " + singular,
                    InvalidFieldValueException.Problem.UNKNOWN_FIELD, singular);
        }
        return f;
    }

    /** Builds a record of this kind from metadata and canonical field values. */
    public Entity create(RecordMeta meta, FieldValues values) {
        return switch (this) {
            case SUBSCRIPTION -> Subscription.create(meta, values);
            case PLAN -> Plan.create(meta, values);
            case INVOICE -> Invoice.create(meta, values);
        };
    }

    public static Optional<EntityKind> fromPath(String path) {
        for (EntityKind k : values()) {
            if (k.path.equals(path)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
