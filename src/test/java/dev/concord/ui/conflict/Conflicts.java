package dev.concord.ui.conflict;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds subscription conflicts for tests: base at v3, theirs written by bob at a later version. */
public final class Conflicts {
    public static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");

    private Conflicts() {
    }

    public static FieldValues baseValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerName", "Acme GmbH");
        v.put("customerEmail", "ops@acme.example");
        v.put("planId", "plan_pro");
        v.put("status", "active");
        v.put("amount", new BigDecimal("49.00"));
        v.put("currency", "EUR");
        v.put("billingCycle", "monthly");
        v.put("nextBillingDate", LocalDate.parse("2026-12-01"));
        v.put("cancelAtPeriodEnd", false);
        v.put("tags", Set.of("vip"));
        v.put("notes", "Called on Monday.\nWants invoices by post.\nPrefers German.");
        return FieldValues.of(v);
    }

    public static Entity entity(FieldValues values, long version, String by, Instant at) {
        return EntityKind.SUBSCRIPTION.create(new RecordMeta("sub_1", version, T0, at, by), values);
    }

    /**
     * Alice (mine) changed status, notes and tags; bob (theirs) changed status, notes and the email.
     * Status and notes conflict; tags and email merge.
     */
    public static Conflict statusAndNotes() {
        FieldValues base = baseValues();
        FieldValues mine = base.withAll(Map.of(
                "status", "paused",
                "tags", new java.util.TreeSet<>(Set.of("vip", "callback")),
                "notes", "Called on Monday.\nWants invoices by email.\nPrefers German."));
        FieldValues theirs = base.withAll(Map.of(
                "status", "cancelled",
                "customerEmail", "billing@acme.example",
                "notes", "Called on Monday.\nWants invoices by fax.\nPrefers German."));
        return conflict(base, mine, theirs, 5, List.of("status", "notes"));
    }

    public static Conflict conflict(FieldValues base, FieldValues mine, FieldValues theirs, long theirsVersion,
                             List<String> conflicting) {
        Map<String, Object> merged = new LinkedHashMap<>(theirs.asMap());
        for (String f : mine.changedFrom(base)) {
            if (!conflicting.contains(f)) {
                merged.put(f, mine.get(f));
            }
        }
        List<FieldConflict> conflicts = new ArrayList<>();
        for (String f : conflicting) {
            conflicts.add(new FieldConflict(f, base.get(f), mine.get(f), theirs.get(f), List.of()));
        }
        return new Conflict("c-1", EntityKind.SUBSCRIPTION, "sub_1", entity(base, 3, "alice", T0),
                FieldValues.of(mine.only(mine.changedFrom(base))),
                entity(theirs, theirsVersion, "bob", T0.plusSeconds(60 * theirsVersion)),
                FieldValues.of(merged), conflicts, T0.plusSeconds(600));
    }
}
