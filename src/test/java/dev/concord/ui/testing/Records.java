package dev.concord.ui.testing;

import dev.concord.domain.BillingCycle;
import dev.concord.domain.Entity;
import dev.concord.domain.Subscription;
import dev.concord.domain.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Small records for view-model tests. */
public final class Records {
    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private Records() {
    }

    public static Subscription subscription(String id, long version) {
        return new Subscription(id, "Ada Lovelace", "ada@example.com", "plan_basic", SubscriptionStatus.ACTIVE,
                new BigDecimal("19.90"), "EUR", BillingCycle.MONTHLY, LocalDate.parse("2026-12-01"), false,
                Set.of("vip"), "Called on Monday.", version, T0, T0.plusSeconds(version), "alice");
    }

    public static dev.concord.domain.Plan plan(String id, long version) {
        return new dev.concord.domain.Plan(id, "Basic", "starter", new BigDecimal("9.99"), "EUR", BillingCycle.MONTHLY,
                java.util.List.of("Email support", "1 seat"), true, version, T0, T0, "seed");
    }

    /** The same record with other values and metadata, as the server would return after a write. */
    public static Entity next(Entity record, String actor, java.util.Map<String, ?> changes) {
        return record.kind().create(new dev.concord.domain.RecordMeta(record.id(), record.version() + 1,
                record.createdAt(), record.updatedAt().plusSeconds(60), actor), record.values().withAll(changes));
    }
}
