package dev.concord.server;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Demo data for {@code --demo}: 5 plans, 60 subscriptions ({@code sub_0001}...), 100 invoices
 * ({@code inv_0001}...), with agents' multi-line notes. The same every time (fixed seed, fixed clock), so
 * tests may rely on it. Only an empty database is seeded.
 */
final class DemoSeed {
    static final int SUBSCRIPTIONS = 60;
    static final int INVOICES = 100;
    static final String ACTOR = "seed";
    /** All demo records are created at this instant, so nothing depends on when the demo ran. */
    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    private static final String[][] PLANS = {
            {"plan_basic", "Basic", "starter", "9.99", "monthly", "Email support|1 seat|5 GB storage", "true"},
            {"plan_standard", "Standard", "growth", "19.99", "monthly", "Email support|5 seats|50 GB storage", "true"},
            {"plan_pro", "Pro", "growth", "49.00", "monthly", "Priority support|20 seats|500 GB storage|SSO", "true"},
            {"plan_team_yearly", "Team (yearly)", "business", "499.00", "yearly",
                    "Priority support|50 seats|2 TB storage|SSO|Audit log", "true"},
            {"plan_legacy", "Legacy Plus", "legacy", "14.50", "quarterly", "Email support|3 seats", "false"},
    };
    private static final String[] FIRST = {"Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Dennis", "Frances",
            "Ken", "Radia", "Tim", "Hedy", "Edsger", "Sophie", "Niklaus", "Joan", "Donald", "Katherine", "Guido", "Anita"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Ritchie",
            "Allen", "Thompson", "Perlman", "Berners-Lee", "Lamarr", "Dijkstra", "Wilson", "Wirth", "Clarke", "Knuth",
            "Johnson", "van Rossum", "Borg"};
    private static final String[] STATUSES = {"active", "active", "active", "active", "paused", "past_due", "trialing",
            "cancelled", "expired"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "USD", "USD", "GBP"};
    private static final String[] TAGS = {"vip", "churn-risk", "annual-review", "migrated", "reseller", "nonprofit",
            "beta", "invoice-by-post", "tax-exempt", "priority"};
    private static final String[] AGENTS = {"alice", "bob", "billing-bot", "carol"};
    private static final String[] EVENTS = {
            "Customer called about a double charge; refunded the duplicate and confirmed by email.",
            "Asked to move the billing date to the 1st of the month. Done, prorated the difference.",
            "Card declined twice. Sent the dunning email with the update-card link.",
            "Wants an invoice with their VAT number on it; added the number and re-sent the invoice.",
            "Upgrade requested for more seats; quoted the Pro plan, waiting for their finance team.",
            "Complained about a price increase; explained the legacy plan sunset and offered 2 months at the old price.",
            "Paused for the summer at the customer's request; resume scheduled.",
            "Chargeback opened by the bank. Evidence submitted, case reference kept in the ticket.",
            "Customer confirmed the new contact email for invoices.",
            "Trial extended by 14 days after onboarding call with their admin.",
            "Reported login trouble with SSO; escalated to engineering, ticket linked.",
            "Agreed to annual billing from next cycle; discount of 15% approved by team lead.",
    };

    private DemoSeed() {
    }

    /** Seeds when every table is empty; returns whether it did. */
    static boolean seedIfEmpty(Database db, RecordRepository repo) {
        try {
            return seedInOneTransaction(db, repo);
        } catch (StorageException e) {
            if (IdempotencyStore.isUniqueViolation(e)) {
                return false; // another instance on the same database seeded it first
            }
            throw e;
        }
    }

    private static boolean seedInOneTransaction(Database db, RecordRepository repo) {
        return db.inTransaction(c -> {
            for (EntityKind kind : EntityKind.values()) {
                if (repo.count(c, kind) > 0) {
                    return false;
                }
            }
            seed(c, repo);
            return true;
        });
    }

    private static void seed(Connection c, RecordRepository repo) throws SQLException {
        Random random = new Random(20260105L);
        List<String> planIds = new ArrayList<>();
        for (String[] p : PLANS) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", p[1]);
            v.put("tier", p[2]);
            v.put("price", new BigDecimal(p[3]));
            v.put("currency", "EUR");
            v.put("billingCycle", p[4]);
            v.put("features", List.of(p[5].split("\\|")));
            v.put("active", Boolean.parseBoolean(p[6]));
            repo.insert(c, EntityKind.PLAN, p[0], FieldValues.of(v), ACTOR, CREATED);
            planIds.add(p[0]);
        }
        List<String> subIds = new ArrayList<>();
        for (int i = 1; i <= SUBSCRIPTIONS; i++) {
            String id = String.format("sub_%04d", i);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            int plan = random.nextInt(PLANS.length);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("customerName", first + " " + last);
            v.put("customerEmail", (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("-", "")
                    + i + "@example.com");
            v.put("planId", planIds.get(plan));
            v.put("status", STATUSES[random.nextInt(STATUSES.length)]);
            v.put("amount", new BigDecimal(PLANS[plan][3]));
            v.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
            v.put("billingCycle", PLANS[plan][4]);
            v.put("nextBillingDate", LocalDate.of(2026, 2, 1).plusDays(random.nextInt(60)));
            v.put("cancelAtPeriodEnd", random.nextInt(8) == 0);
            TreeSet<String> tags = new TreeSet<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            v.put("tags", java.util.Collections.unmodifiableSet(tags));
            v.put("notes", notes(random, 3 + random.nextInt(10)));
            repo.insert(c, EntityKind.SUBSCRIPTION, id, FieldValues.of(v), ACTOR, CREATED);
            subIds.add(id);
        }
        String[] invoiceStatuses = {"paid", "paid", "paid", "open", "open", "draft", "void", "uncollectible"};
        for (int i = 1; i <= INVOICES; i++) {
            String sub = subIds.get(random.nextInt(subIds.size()));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("number", String.format("INV-2026-%05d", i));
            v.put("subscriptionId", sub);
            v.put("status", invoiceStatuses[random.nextInt(invoiceStatuses.length)]);
            v.put("total", new BigDecimal(PLANS[random.nextInt(PLANS.length)][3]));
            v.put("currency", "EUR");
            v.put("dueDate", LocalDate.of(2026, 1, 15).plusDays(random.nextInt(90)));
            v.put("notes", random.nextInt(3) == 0 ? "" : notes(random, 1 + random.nextInt(4)));
            repo.insert(c, EntityKind.INVOICE, String.format("inv_%04d", i), FieldValues.of(v), ACTOR, CREATED);
        }
    }

    /** Dated, signed lines as agents write them, oldest first. */
    private static String notes(Random random, int lines) {
        StringBuilder sb = new StringBuilder();
        Instant at = CREATED.minus(Duration.ofDays(200));
        for (int i = 0; i < lines; i++) {
            at = at.plus(Duration.ofHours(6 + random.nextInt(24 * 20)));
            sb.append(at.toString(), 0, 10).append(' ')
                    .append(AGENTS[random.nextInt(AGENTS.length)]).append(": ")
                    .append(EVENTS[random.nextInt(EVENTS.length)]).append('\n');
        }
        return sb.toString();
    }
}
