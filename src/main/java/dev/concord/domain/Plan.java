package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A price plan that subscriptions refer to. */
public record Plan(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("tier") String tier,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("currency") String currency,
        @JsonProperty("billingCycle") BillingCycle billingCycle,
        @JsonProperty("features") List<String> features,
        @JsonProperty("active") boolean active,
        @JsonProperty("version") long version,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("updatedBy") String updatedBy) implements Entity {

    public Plan {
        features = features == null ? List.of() : List.copyOf(features);
    }

    @Override
    @JsonIgnore
    public EntityKind kind() {
        return EntityKind.PLAN;
    }

    @Override
    public FieldValues values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("tier", tier);
        v.put("price", price);
        v.put("currency", currency);
        v.put("billingCycle", billingCycle == null ? null : billingCycle.wire());
        v.put("features", features);
        v.put("active", active);
        return FieldValues.of(v);
    }

    @SuppressWarnings("unchecked")
    static Plan create(RecordMeta m, FieldValues v) {
        return new Plan(m.id(), (String) v.get("name"), (String) v.get("tier"), (BigDecimal) v.get("price"),
                (String) v.get("currency"), Subscription.enumOrNull(BillingCycle.class, v.get("billingCycle")),
                (List<String>) v.get("features"), Boolean.TRUE.equals(v.get("active")),
                m.version(), m.createdAt(), m.updatedAt(), m.updatedBy());
    }
}
