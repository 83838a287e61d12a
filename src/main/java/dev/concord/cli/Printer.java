package dev.concord.cli;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.TextHunk;
import dev.concord.sync.Conflict;
import dev.concord.sync.MergedChange;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Everything the command line prints, in words an agent reads; and the exit code of each outcome. */
final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;

    Printer(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void info(String line) {
        out.println(line);
        out.flush();
    }

    void error(String line) {
        err.println(line);
        err.flush();
    }

    void record(Entity e) {
        out.printf("%s/%s  v%d  (updated %s by %s)%n", e.kind().path(), e.id(), e.version(), e.updatedAt(),
                e.updatedBy());
        for (FieldSpec f : e.kind().fields()) {
            Object v = e.values().get(f.name());
            if (f.type() == FieldType.LONG_TEXT) {
                out.printf("  %-18s%n", f.name() + ":");
                for (String line : f.display(v).split("\n", -1)) {
                    out.println("    " + line);
                }
            } else {
                out.printf("  %-18s %s%n", f.name() + ":", f.display(v));
            }
        }
        out.flush();
    }

    void history(EntityKind kind, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            out.println("No changes recorded.");
        }
        for (HistoryEntry h : entries) {
            List<String> parts = new ArrayList<>();
            for (FieldChange c : h.changes()) {
                boolean longText = kind.field(c.field()).map(f -> f.type() == FieldType.LONG_TEXT).orElse(false);
                parts.add(longText ? c.field() + " edited" : c.field() + ": " + wire(c.from()) + " -> " + wire(c.to()));
            }
            out.printf("v%-4d %s  %-12s %-8s %s%s%n", h.version(), h.at(), h.actor(), h.kind(), String.join("; ", parts),
                    h.reason() == null ? "" : "  (reason: " + h.reason() + ")");
        }
        out.flush();
    }

    void conflicts(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            out.println("No conflicts.");
        }
        for (Conflict c : conflicts) {
            out.printf("%s  %s/%s  fields: %s  (theirs v%d by %s; stored %s)%n", c.conflictId(), c.kind().path(),
                    c.entityId(), String.join(", ", fields(c)), c.theirs().version(), c.theirs().updatedBy(),
                    c.createdAt().truncatedTo(ChronoUnit.SECONDS));
        }
        out.flush();
    }

    void pending(List<PendingEdit> edits) {
        if (edits.isEmpty()) {
            out.println("No pending edits.");
        }
        for (PendingEdit p : edits) {
            out.printf("%s  %s/%s  fields: %s  (from %s, kept %s; last error: %s)%n", p.pendingId(), p.kind().path(),
                    p.entityId(), String.join(", ", p.changedFields()),
                    p.baseKnown() ? "v" + p.base().version() : "a version never fetched",
                    p.createdAt().truncatedTo(ChronoUnit.SECONDS), p.lastError());
        }
        out.flush();
    }

    /** Prints what became of a save and returns its exit code. */
    int outcome(SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved s) {
            out.println(s.attempts() == 0
                    ? "Nothing to write: v" + s.entity().version() + " already has these values"
                    : "Saved v" + s.entity().version() + merged(s.mergedFromOthers()));
            out.flush();
            return ExitCode.OK;
        }
        if (outcome instanceof SaveOutcome.NeedsResolution n) {
            Conflict c = n.conflict();
            out.printf("Not saved: %s changed the same %s on %s/%s (now v%d). Stored as conflict %s:%n",
                    person(c.theirs().updatedBy()), c.conflicts().size() == 1 ? "field" : "fields", c.kind().path(),
                    c.entityId(), c.theirs().version(), c.conflictId());
            for (FieldConflict f : c.conflicts()) {
                fieldConflict(c.kind(), f);
            }
            out.printf("Resolve with: ./launcher cli resolve %s --take mine|theirs (or --take FIELD=mine|theirs)%n",
                    c.conflictId());
            out.flush();
            return ExitCode.CONFLICT;
        }
        if (outcome instanceof SaveOutcome.Pending p) {
            out.printf("Not saved yet: %s%nYour edit is kept as pending %s; run ./launcher cli retry when the server "
                    + "is back.%n", p.reason(), p.edit().pendingId());
            out.flush();
            return ExitCode.UNREACHABLE;
        }
        SaveOutcome.Failed f = (SaveOutcome.Failed) outcome;
        err.println("Not saved: " + f.reason());
        err.flush();
        return f.fieldErrors().isEmpty() ? ExitCode.FAILED : ExitCode.USAGE;
    }

    private void fieldConflict(EntityKind kind, FieldConflict f) {
        FieldSpec spec = kind.requireField(f.field());
        if (!f.textHunks().isEmpty()) {
            out.printf("  %s: both changed the same lines%n", f.field());
            for (TextHunk h : f.textHunks()) {
                out.printf("    at line %d%n", h.baseStart() + 1);
                h.mineLines().forEach(l -> out.println("      yours:  " + l));
                h.theirsLines().forEach(l -> out.println("      theirs: " + l));
            }
            return;
        }
        out.printf("  %s: yours '%s', theirs '%s' (was '%s')%n", f.field(), spec.display(f.mine()),
                spec.display(f.theirs()), spec.display(f.base()));
    }

    private static List<String> fields(Conflict c) {
        return c.conflicts().stream().map(FieldConflict::field).toList();
    }

    /** ", merged Bob's change to notes" or ", merged Bob's changes to notes and tags, Billing-bot's change to amount". */
    static String merged(List<MergedChange> merged) {
        if (merged.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byWho = new LinkedHashMap<>();
        for (MergedChange m : merged) {
            byWho.computeIfAbsent(Objects.requireNonNullElse(m.changedBy(), "someone"), k -> new ArrayList<>())
                    .add(m.field());
        }
        List<String> parts = new ArrayList<>();
        byWho.forEach((who, fields) -> parts.add(person(who) + "'s " + (fields.size() == 1 ? "change" : "changes")
                + " to " + and(fields)));
        return ", merged " + String.join(", ", parts);
    }

    static String person(String actor) {
        if (actor == null || actor.isEmpty()) {
            return "Someone";
        }
        return actor.substring(0, 1).toUpperCase(Locale.ROOT) + actor.substring(1);
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String wire(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
