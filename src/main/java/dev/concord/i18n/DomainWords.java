package dev.concord.i18n;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.InvalidFieldValueException;

/**
 * The domain's names in the agent's language: kinds of record and field labels. The domain keeps its
 * English labels for the server's messages; the console and the command line ask here. Each key is written
 * out (no key is built from a field name), so the bundle test finds them all, and DomainWordsTest checks
 * that every field of every kind has one.
 */
public final class DomainWords {
    private DomainWords() {
    }

    /** "Subscriptions": the tab and list of a kind. */
    public static String plural(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> lang("kind.subscriptions");
            case PLAN -> lang("kind.plans");
            case INVOICE -> lang("kind.invoices");
        };
    }

    /** "subscriptions" inside a sentence (German keeps the noun's capital). */
    public static String pluralInSentence(EntityKind kind) {
        String word = plural(kind);
        return Localization.language() == Language.GERMAN ? word : word.toLowerCase(Localization.locale());
    }

    /** "subscription", as inside a sentence. */
    public static String singular(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> lang("kind.subscription");
            case PLAN -> lang("kind.plan");
            case INVOICE -> lang("kind.invoice");
        };
    }

    /** A field's label ("Customer name"); a field the console does not know yet shows its domain label. */
    public static String field(EntityKind kind, String field) {
        String key = fieldKey(field);
        return key == null ? kind.field(field).map(FieldSpec::label).orElse(field) : lang(key);
    }

    /** A field's label from its spec (the key depends on the field's name only). */
    public static String field(FieldSpec spec) {
        String key = fieldKey(spec.name());
        return key == null ? spec.label() : lang(key);
    }

    /**
     * A field's label inside a sentence ("Bob changed status"): lower case, except in German, where nouns
     * keep their capital.
     */
    public static String fieldInSentence(EntityKind kind, String field) {
        String label = field(kind, field);
        return Localization.language() == Language.GERMAN ? label : label.toLowerCase(Localization.locale());
    }

    /** "Subscription", as a title before an id ("Subscription sub_0001"). */
    public static String title(EntityKind kind) {
        String word = singular(kind);
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Localization.locale()) + word.substring(1);
    }

    /** "New subscription": the title of a record not yet saved. */
    public static String newRecord(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> lang("kind.newSubscription");
            case PLAN -> lang("kind.newPlan");
            case INVOICE -> lang("kind.newInvoice");
        };
    }

    /** The key of a field's label, or null for a field without one. */
    /**
     * Why a value was refused, in the agent's language ("Amount must not be negative"), from the problem the
     * domain names; the domain's own English message only for a problem this does not know.
     */
    public static String invalid(InvalidFieldValueException e) {
        String key = fieldKey(e.field());
        String label = key == null ? e.field() : lang(key);
        Object[] args = e.arguments().toArray();
        if (e.problem() == null) {
            return e.getMessage();
        }
        return switch (e.problem()) {
            case REQUIRED -> lang("invalid.required", label);
            case NOT_EMAIL -> lang("invalid.email", label);
            case NOT_ONE_OF -> lang("invalid.oneOf", label, args[0]);
            case NOT_CURRENCY -> lang("invalid.currency", label);
            case NOT_DATE -> lang("invalid.date", label);
            case NO_SUCH_DAY -> lang("invalid.noSuchDay", label, args[0]);
            case NOT_BOOLEAN -> lang("invalid.boolean", label);
            case TOO_MANY_TAGS -> lang("invalid.tooManyTags", label, args[0]);
            case NOT_REFERENCE -> lang("invalid.reference", label);
            case NOT_TEXT, NOT_LIST -> lang("invalid.type", label);
            case TOO_LONG -> lang("invalid.tooLong", label, args[0], args[1]);
            case NOT_SINGLE_LINE -> lang("invalid.singleLine", label);
            case EMPTY -> lang("invalid.empty", label);
            case NOT_AMOUNT -> lang("invalid.amount", label);
            case NEGATIVE -> lang("invalid.negative", label);
            case TOO_MANY_DECIMALS -> lang("invalid.decimals", label);
            case TOO_LARGE -> lang("invalid.tooLarge", label);
            case BAD_LIST_ITEM -> lang("invalid.listItem", label);
            case UNKNOWN_FIELD -> lang("invalid.unknownField", e.field());
        };
    }

    static String fieldKey(String field) {
        return switch (field) {
            case "customerName" -> "field.customerName";
            case "customerEmail" -> "field.customerEmail";
            case "planId" -> "field.planId";
            case "status" -> "field.status";
            case "amount" -> "field.amount";
            case "currency" -> "field.currency";
            case "billingCycle" -> "field.billingCycle";
            case "nextBillingDate" -> "field.nextBillingDate";
            case "cancelAtPeriodEnd" -> "field.cancelAtPeriodEnd";
            case "tags" -> "field.tags";
            case "notes" -> "field.notes";
            case "name" -> "field.name";
            case "tier" -> "field.tier";
            case "price" -> "field.price";
            case "features" -> "field.features";
            case "active" -> "field.active";
            case "number" -> "field.number";
            case "subscriptionId" -> "field.subscriptionId";
            case "total" -> "field.total";
            case "dueDate" -> "field.dueDate";
            default -> null;
        };
    }
}
