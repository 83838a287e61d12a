package dev.concord.ui.live;

import dev.concord.api.Presence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who else has one record open, for the live banner: others' current presence by actor, where an entry
 * lapses at its expiry unless renewed (a crashed console), said as one sentence.
 */
final class LivePresence {
    private final Map<String, Presence> present = new LinkedHashMap<>();
    private final Clock clock;

    LivePresence(Clock clock) {
        this.clock = clock;
    }

    /** Records someone's presence (or their leaving). */
    void update(Presence p) {
        present.remove(p.actor());
        if (!Presence.LEFT.equals(p.state())) {
            present.put(p.actor(), p);
        }
    }

    /** Forgets lapsed presences; true when someone was forgotten. */
    boolean expire() {
        Instant now = clock.instant();
        return present.values().removeIf(p -> p.expiresAt() != null && !p.expiresAt().isAfter(now));
    }

    /** "Bob is editing and Carol is viewing this record", or empty. */
    String sentence() {
        List<String> editing = new ArrayList<>();
        List<String> viewing = new ArrayList<>();
        present.forEach((actor, p) -> (Presence.EDITING.equals(p.state()) ? editing : viewing).add(actor));
        List<String> parts = new ArrayList<>();
        if (!editing.isEmpty()) {
            parts.add(LiveWording.people(editing) + (editing.size() == 1 ? " is" : " are") + " editing");
        }
        if (!viewing.isEmpty()) {
            parts.add(LiveWording.people(viewing) + (viewing.size() == 1 ? " is" : " are") + " viewing");
        }
        return parts.isEmpty() ? "" : String.join(" and ", parts) + " this record";
    }
}
