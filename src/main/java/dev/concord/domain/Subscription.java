package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A customer's subscription to a plan. */
public record Subscription(
        @JsonProperty("id") String id,
        @JsonProperty("customerName") String customerName,
        @JsonProperty("customerEmail") String customerEmail,
        @JsonProperty("planId") String planId,
        @JsonProperty("status") SubscriptionStatus status,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("billingCycle") BillingCycle billingCycle,
        @JsonProperty("nextBillingDate") LocalDate nextBillingDate,
        @JsonProperty("cancelAtPeriodEnd") boolean cancelAtPeriodEnd,
        @JsonProperty("tags") Set<String> tags,
        @JsonProperty("notes") String notes,
        @JsonProperty("version") long version,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("updatedBy") String updatedBy) implements Entity {

    public Subscription {
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
        notes = notes == null ? "" : notes;
    }

    @Override
    @JsonIgnore
    public EntityKind kind() {
        return EntityKind.SUBSCRIPTION;
    }

    @Override
    public FieldValues values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerName", customerName);
        v.put("customerEmail", customerEmail);
        v.put("planId", planId);
        v.put("status", status == null ? null : status.wire());
        v.put("amount", amount);
        v.put("currency", currency);
        v.put("billingCycle", billingCycle == null ? null : billingCycle.wire());
        v.put("nextBillingDate", nextBillingDate);
        v.put("cancelAtPeriodEnd", cancelAtPeriodEnd);
        v.put("tags", tags);
        v.put("notes", notes);
        return FieldValues.of(v);
    }

    static Subscription create(RecordMeta m, FieldValues v) {
        return new Subscription(m.id(), (String) v.get("customerName"), (String) v.get("customerEmail"),
                (String) v.get("planId"), enumOrNull(SubscriptionStatus.class, v.get("status")),
                (BigDecimal) v.get("amount"), (String) v.get("currency"),
                enumOrNull(BillingCycle.class, v.get("billingCycle")), (LocalDate) v.get("nextBillingDate"),
                Boolean.TRUE.equals(v.get("cancelAtPeriodEnd")), castSet(v.get("tags")), (String) v.get("notes"),
                m.version(), m.createdAt(), m.updatedAt(), m.updatedBy());
    }

    @SuppressWarnings("unchecked")
    static Set<String> castSet(Object o) {
        return (Set<String>) o;
    }

    static <E extends Enum<E> & WireEnum> E enumOrNull(Class<E> type, Object wire) {
        return wire == null ? null : WireEnum.fromWire(type, (String) wire);
    }
}
