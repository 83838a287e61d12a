package dev.concord.server;

import dev.concord.api.ChangedField;
import dev.concord.domain.Entity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Says in a support agent's words who changed what since their version: "Bob changed status and notes 2 minutes ago." */
final class ConflictMessage {
    private ConflictMessage() {
    }

    static String describe(Entity current, long clientVersion, List<ChangedField> changedSince, Instant now) {
        String head = "Your change was not saved: this " + current.kind().singular() + " is at version "
                + current.version() + ", you edited version " + clientVersion + ". ";
        if (changedSince.isEmpty()) {
            return head + "Reload it and apply your change again.";
        }
        Map<String, List<ChangedField>> byActor = new LinkedHashMap<>();
        for (ChangedField f : changedSince) {
            byActor.computeIfAbsent(f.changedBy(), a -> new ArrayList<>()).add(f);
        }
        List<String> sentences = new ArrayList<>();
        byActor.forEach((actor, fields) -> {
            Instant latest = fields.stream().map(ChangedField::changedAt).max(Instant::compareTo).orElse(now);
            sentences.add(displayName(actor) + " changed " + joinWords(fields.stream().map(ChangedField::field).toList())
                    + " " + ago(latest, now));
        });
        return head + String.join("; ", sentences) + ".";
    }

    static String displayName(String actor) {
        if (actor == null || actor.isEmpty()) {
            return "Someone";
        }
        return actor.substring(0, 1).toUpperCase(Locale.ROOT) + actor.substring(1);
    }

    static String joinWords(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 45) {
            return "just now";
        }
        long m = Math.round(s / 60.0);
        if (m < 60) {
            return plural(Math.max(1, m), "minute") + " ago";
        }
        long h = Math.round(s / 3600.0);
        if (h < 24) {
            return plural(h, "hour") + " ago";
        }
        return plural(Math.round(s / 86400.0), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
