package dev.concord.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a CSV of {@code n} new subscriptions as an admin would import them: a header row, realistic names
 * and e-mails (some with commas and accents, so quoting and UTF-8 are exercised), the demo plans, tags and
 * multi-line notes. Seeded, so every run imports the same file.
 */
public final class SubscriptionCsv {
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "José",
        "Zoë", "Ken", "Radia", "Tim"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "Núñez", "O'Brien", "Thompson", "Perlman", "Berners-Lee"};
    private static final String[] PLANS = {"plan_basic", "plan_standard", "plan_pro", "plan_team_yearly"};
    private static final String[] STATUSES = {"active", "active", "active", "paused", "trialing", "past_due"};
    private static final String[] CYCLES = {"monthly", "monthly", "quarterly", "yearly"};

    private SubscriptionCsv() {
    }

    public static Path write(Path file, int n) throws IOException {
        Random random = new Random(12);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customerName,customerEmail,planId,status,amount,currency,billingCycle,nextBillingDate,"
                    + "cancelAtPeriodEnd,tags,notes\n");
            for (int i = 1; i <= n; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String company = random.nextInt(4) == 0 ? ", Acme Ltd" : "";
                w.write(csv(first + " " + last + company) + ",");
                w.write(ascii(first) + "." + ascii(last) + i + "@example.com,");
                w.write(PLANS[random.nextInt(PLANS.length)] + "," + STATUSES[random.nextInt(STATUSES.length)] + ",");
                w.write((5 + random.nextInt(95)) + "." + String.format("%02d", random.nextInt(100)) + ",EUR,");
                w.write(CYCLES[random.nextInt(CYCLES.length)] + ",");
                w.write(String.format("2027-%02d-%02d,", 1 + random.nextInt(12), 1 + random.nextInt(28)));
                w.write((random.nextInt(10) == 0) + ",");
                w.write(csv(random.nextBoolean() ? "vip,eu" : "imported") + ",");
                w.write(csv("2026-11-30 import: row " + i + "\nMigrated from the old billing system.") + "\n");
            }
        }
        return file;
    }

    private static String csv(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
