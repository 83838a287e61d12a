package dev.concord.cli;

import dev.concord.wording.HistoryWords;
import dev.concord.wording.ReasonWords;
import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.i18n.Localization;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.TextHunk;
import dev.concord.sync.Conflict;
import dev.concord.sync.MergedChange;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import java.io.PrintWriter;
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
    /** The command as typed ("concord cli"), for the commands it suggests. */
    private final String commandName;

    Printer(PrintWriter out, PrintWriter err, String commandName) {
        this.out = out;
        this.err = err;
        this.commandName = commandName;
    }

    /** The command as the agent types it ("concord cli"). */
    String commandName() {
        return commandName;
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
        out.println(lang("cli.record.header", e.kind().path() + "/" + e.id(), "v" + e.version(),
                Localization.dateTime(e.updatedAt()), person(e.updatedBy())));
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
            out.println(lang("cli.history.none"));
        }
        for (HistoryEntry h : entries) {
            List<String> parts = new ArrayList<>();
            for (FieldChange c : h.changes()) {
                boolean longText = kind.field(c.field()).map(f -> f.type() == FieldType.LONG_TEXT).orElse(false);
                parts.add(longText ? lang("cli.history.edited", c.field())
                        : c.field() + ": " + wire(c.from()) + " -> " + wire(c.to()));
            }
            out.printf("v%-4d %s  %-12s %-8s %s%s%n", h.version(), Localization.dateTime(h.at()), h.actor(), kind(h.kind()),
                    String.join("; ", parts), HistoryWords.reason(h) == null ? "" : "  " + lang("cli.history.reason", HistoryWords.reason(h)));
        }
        out.flush();
    }

    void conflicts(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            out.println(lang("cli.conflicts.none"));
        }
        for (Conflict c : conflicts) {
            out.println(lang("cli.conflicts.line", c.conflictId(), c.kind().path() + "/" + c.entityId(),
                    String.join(", ", fields(c)), "v" + c.theirs().version(), person(c.theirs().updatedBy()),
                    Localization.dateTime(c.createdAt())));
        }
        out.flush();
    }

    void pending(List<PendingEdit> edits) {
        if (edits.isEmpty()) {
            out.println(lang("cli.pending.none"));
        }
        for (PendingEdit p : edits) {
            out.println(lang("cli.pending.line", p.pendingId(), p.kind().path() + "/" + p.entityId(),
                    String.join(", ", p.changedFields()), p.baseKnown() ? "v" + p.base().version() : lang("cli.pending.neverFetched"),
                    Localization.dateTime(p.createdAt()),
                    p.lastError() == null ? lang("cli.value.none") : ReasonWords.of(p.lastError())));
        }
        out.flush();
    }

    /** Prints what became of a save and returns its exit code. */
    int outcome(SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved s) {
            out.println(s.attempts() == 0 ? lang("cli.saved.nothing", "v" + s.entity().version())
                    : s.mergedFromOthers().isEmpty() ? lang("cli.saved", "v" + s.entity().version())
                    : lang("cli.saved.merged", "v" + s.entity().version(), merged(s.mergedFromOthers())));
            out.flush();
            return ExitCode.OK;
        }
        if (outcome instanceof SaveOutcome.NeedsResolution n) {
            Conflict c = n.conflict();
            out.println(lang("cli.conflict.stored", person(c.theirs().updatedBy()), c.conflicts().size(),
                    c.kind().path() + "/" + c.entityId(), "v" + c.theirs().version(), c.conflictId()));
            for (FieldConflict f : c.conflicts()) {
                fieldConflict(c.kind(), f);
            }
            out.println(lang("cli.conflict.resolveWith", commandName + " resolve " + c.conflictId()));
            out.flush();
            return ExitCode.CONFLICT;
        }
        if (outcome instanceof SaveOutcome.Pending p) {
            out.println(lang("cli.pending.notSavedYet", ReasonWords.of(p.reason())));
            out.println(lang("cli.pending.kept", p.edit().pendingId(), commandName + " retry"));
            out.flush();
            return ExitCode.UNREACHABLE;
        }
        SaveOutcome.Failed f = (SaveOutcome.Failed) outcome;
        // Fields by the names typed on the command line (customerEmail=...), not by their labels.
        err.println(lang("cli.notSaved", ReasonWords.failed(f, null)));
        err.flush();
        return f.fieldErrors().isEmpty() ? ExitCode.FAILED : ExitCode.USAGE;
    }

    private void fieldConflict(EntityKind kind, FieldConflict f) {
        FieldSpec spec = kind.requireField(f.field());
        if (!f.textHunks().isEmpty()) {
            out.println("  " + lang("cli.conflict.sameLines", f.field()));
            for (TextHunk h : f.textHunks()) {
                out.println("    " + lang("cli.conflict.atLine", h.baseStart() + 1));
                String yours = lang("cli.conflict.yours");
                String theirs = lang("cli.conflict.theirs");
                int width = Math.max(yours.length(), theirs.length()) + 2;
                h.mineLines().forEach(l -> out.println("      " + padded(yours + ":", width) + l));
                h.theirsLines().forEach(l -> out.println("      " + padded(theirs + ":", width) + l));
            }
            return;
        }
        out.println("  " + lang("cli.conflict.values", f.field(), spec.display(f.mine()), spec.display(f.theirs()),
                spec.display(f.base())));
    }

    private static List<String> fields(Conflict c) {
        return c.conflicts().stream().map(FieldConflict::field).toList();
    }

    /** The kinds of change an agent also sees in the console's history in words; the rest as the server names them. */
    private static String kind(String wire) {
        return HistoryWords.kind(wire);
    }

    private static String padded(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }

    /** "Bob's change to notes" or "Bob's changes to notes and tags, Billing-bot's change to amount". */
    static String merged(List<MergedChange> merged) {
        if (merged.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byWho = new LinkedHashMap<>();
        for (MergedChange m : merged) {
            byWho.computeIfAbsent(Objects.requireNonNullElse(m.changedBy(), ""), k -> new ArrayList<>())
                    .add(m.field());
        }
        List<String> parts = new ArrayList<>();
        byWho.forEach((who, fields) -> parts.add(lang("cli.saved.mergedFrom", person(who), fields.size(),
                Localization.andList(fields))));
        return String.join(lang("list.separator"), parts);
    }

    static String person(String actor) {
        if (actor == null || actor.isEmpty()) {
            return lang("cli.someone");
        }
        return actor.substring(0, 1).toUpperCase(Locale.ROOT) + actor.substring(1);
    }

    private static String wire(Object value) {
        if (value == null) {
            return lang("cli.value.none");
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
