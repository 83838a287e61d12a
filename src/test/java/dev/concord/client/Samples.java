package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.concord.api.Json;
import dev.concord.domain.BillingCycle;
import dev.concord.domain.Subscription;
import dev.concord.domain.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** Records and envelopes for client tests. */
public final class Samples {
    private Samples() {
    }

    public static Subscription subscription(long version, String status, String notes) {
        return new Subscription("sub_0001", "Ada Lovelace", "ada@example.com", "plan_basic",
                SubscriptionStatus.fromWire(status), new BigDecimal("19.90"), "EUR", BillingCycle.MONTHLY,
                LocalDate.parse("2026-12-01"), false, Set.of("vip", "eu"), notes, version,
                Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-11-29T09:00:00Z"), "alice");
    }

    public static String ok(Object data) {
        return json(Map.of("success", true, "data", data,
                "meta", Map.of("timestamp", "2026-11-29T09:00:00Z", "requestId", "r1", "apiVersion", 1)));
    }

    public static String error(Map<String, Object> error) {
        return json(Map.of("success", false, "error", error,
                "meta", Map.of("timestamp", "2026-11-29T09:00:00Z", "requestId", "r1", "apiVersion", 1)));
    }

    public static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
