package dev.concord.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.postgresql.PGNotification;
import org.postgresql.core.Notification;
import org.junit.jupiter.api.Test;

/** Which notifications wake this instance's event reader (its own writes nudged it at commit already). */
class PgWakeupsTest {
    private static final String ME = "concord-me";

    @Test
    void onlyThisInstancesOwnWritesAreIgnored() {
        assertThat(PgWakeups.fromElsewhere(notes(ME, ME), ME)).as("own writes only").isFalse();
        assertThat(PgWakeups.fromElsewhere(notes(ME, "concord-other"), ME)).as("another instance wrote too").isTrue();
        assertThat(PgWakeups.fromElsewhere(notes(""), ME)).as("a NOTIFY without payload (presence, old builds)").isTrue();
        assertThat(PgWakeups.fromElsewhere(notes(ME), null)).as("no own name: every notification wakes").isTrue();
    }

    private static PGNotification[] notes(String... payloads) {
        PGNotification[] out = new PGNotification[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            out[i] = new Notification("concord_changes", 4242, payloads[i]);
        }
        return out;
    }
}
