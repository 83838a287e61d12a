package dev.concord.ui.testing;

import dev.concord.domain.BillingCycle;
import dev.concord.domain.Subscription;
import dev.concord.domain.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** A handful of varied subscriptions, so a rendered table looks like a working day. */
public final class DemoRecords {
    private static final String[][] PEOPLE = {
        {"Ada Lovelace", "plan_pro", "active", "49.00"}, {"Grace Hopper", "plan_basic", "paused", "9.90"},
        {"Alan Turing", "plan_team", "past_due", "199.00"}, {"Katherine Johnson", "plan_pro", "active", "49.00"},
        {"Edsger Dijkstra", "plan_basic", "trialing", "0.00"}, {"Barbara Liskov", "plan_team", "active", "199.00"},
        {"Donald Knuth", "plan_pro", "cancelled", "49.00"}, {"Margaret Hamilton", "plan_basic", "active", "9.90"},
        {"John Backus", "plan_pro", "expired", "49.00"}, {"Frances Allen", "plan_team", "active", "199.00"},
        {"Ken Thompson", "plan_basic", "active", "9.90"}, {"Radia Perlman", "plan_pro", "paused", "49.00"},
    };

    private DemoRecords() {
    }

    public static void seed(FakeConcordApi api) {
        for (int i = 0; i < PEOPLE.length; i++) {
            String[] p = PEOPLE[i];
            String email = p[0].toLowerCase().replace(' ', '.') + "@example.com";
            api.put(new Subscription(String.format("sub_%04d", i + 1), p[0], email, p[1],
                    SubscriptionStatus.fromWire(p[2]), new BigDecimal(p[3]), "EUR", BillingCycle.MONTHLY,
                    LocalDate.parse("2026-12-01").plusDays(i * 3L), i % 4 == 0, Set.of(i % 2 == 0 ? "vip" : "smb"),
                    "Customer since 2024.\nPrefers e-mail.", 1 + i % 5, Records.T0, Records.T0.plusSeconds(i),
                    i % 3 == 0 ? "bob" : "alice"));
        }
    }
}
