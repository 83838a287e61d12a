package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.Presence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who else is on one record, for its live banner: "Bob is editing and Carol is viewing this record". An
 * announcement lapses unless renewed (a crashed console); when it lapses is counted on this machine's
 * clock from the server's {@code expiresIn}, so a console whose clock is off still drops it on time. A
 * presence from an older server without {@code expiresIn} falls back to its {@code expiresAt}.
 */
final class BannerPresence {
    private record Seen(Presence presence, Instant lapsesAt) {
    }

    /** Others' current presence by actor, in the order they arrived. */
    private final Map<String, Seen> present = new LinkedHashMap<>();

    /** Takes in a presence received at {@code now} (on this machine's clock). */
    void update(Presence p, Instant now) {
        present.remove(p.actor());
        if (!Presence.LEFT.equals(p.state())) {
            Instant lapses = p.expiresIn() != null ? now.plusSeconds(p.expiresIn()) : p.expiresAt();
            present.put(p.actor(), new Seen(p, lapses));
        }
    }

    /** Forgets announcements that lapsed by {@code now}; returns whether any did. */
    boolean expire(Instant now) {
        return present.values().removeIf(s -> s.lapsesAt() != null && !s.lapsesAt().isAfter(now));
    }

    String sentence() {
        List<String> editing = new ArrayList<>();
        List<String> viewing = new ArrayList<>();
        present.forEach((actor, s) -> (Presence.EDITING.equals(s.presence().state()) ? editing : viewing).add(actor));
        if (!editing.isEmpty() && !viewing.isEmpty()) {
            return lang("live.presence.both", LiveWording.people(editing), editing.size(),
                    LiveWording.people(viewing), viewing.size());
        }
        if (!editing.isEmpty()) {
            return lang("live.presence.editing", LiveWording.people(editing), editing.size());
        }
        return viewing.isEmpty() ? "" : lang("live.presence.viewing", LiveWording.people(viewing), viewing.size());
    }
}
