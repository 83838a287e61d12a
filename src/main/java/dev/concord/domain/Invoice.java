package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** An invoice raised for a subscription. */
public record Invoice(
        @JsonProperty("id") String id,
        @JsonProperty("number") String number,
        @JsonProperty("subscriptionId") String subscriptionId,
        @JsonProperty("status") InvoiceStatus status,
        @JsonProperty("total") BigDecimal total,
        @JsonProperty("currency") String currency,
        @JsonProperty("dueDate") LocalDate dueDate,
        @JsonProperty("notes") String notes,
        @JsonProperty("version") long version,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("updatedBy") String updatedBy) implements Entity {

    public Invoice {
        notes = notes == null ? "" : notes;
    }

    @Override
    @JsonIgnore
    public EntityKind kind() {
        return EntityKind.INVOICE;
    }

    @Override
    public FieldValues values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", number);
        v.put("subscriptionId", subscriptionId);
        v.put("status", status == null ? null : status.wire());
        v.put("total", total);
        v.put("currency", currency);
        v.put("dueDate", dueDate);
        v.put("notes", notes);
        return FieldValues.of(v);
    }

    static Invoice create(RecordMeta m, FieldValues v) {
        return new Invoice(m.id(), (String) v.get("number"), (String) v.get("subscriptionId"),
                Subscription.enumOrNull(InvoiceStatus.class, v.get("status")), (BigDecimal) v.get("total"),
                (String) v.get("currency"), (LocalDate) v.get("dueDate"), (String) v.get("notes"),
                m.version(), m.createdAt(), m.updatedAt(), m.updatedBy());
    }
}
