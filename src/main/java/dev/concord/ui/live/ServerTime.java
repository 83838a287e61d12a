package dev.concord.ui.live;

import dev.concord.api.Presence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The server's clock as this console can tell it: this machine's clock plus an offset learned from the
 * server's own timestamps. "2 minutes ago" compares a server timestamp (an event's {@code at}, a record's
 * {@code updatedAt}) with this, never with the local clock alone, so a console whose clock is minutes off
 * still says "just now" for a change that just arrived.
 *
 * <p>Two kinds of readings: a presence says what the server's clock read when it was sent
 * ({@code expiresAt - expiresIn}, to the second), which sets the offset; any other server timestamp happened
 * before it arrived, so the server's clock reads at least that, which can only raise the offset. Without
 * any reading the local clock is taken as it is. Used on the UI thread.
 */
public final class ServerTime {
    private final Clock local;
    private Duration offset = Duration.ZERO;

    public ServerTime(Clock local) {
        this.local = local;
    }

    /** This machine's clock (lapse times counted from the server's {@code expiresIn} use it). */
    public Clock local() {
        return local;
    }

    /** The server's clock now, as far as the readings tell. */
    public Instant now() {
        return local.instant().plus(offset);
    }

    /** Takes a presence's reading of the server's clock; one from an older server without expiresIn tells nothing. */
    public void saw(Presence p) {
        if (p.expiresAt() != null && p.expiresIn() != null) {
            offset = Duration.between(local.instant(), p.expiresAt().minusSeconds(p.expiresIn()));
        }
    }

    /** Something happened on the server at {@code stamp}: its clock reads at least that by now. */
    public void sawStamp(Instant stamp) {
        if (stamp != null) {
            Duration atLeast = Duration.between(local.instant(), stamp);
            if (atLeast.compareTo(offset) > 0) {
                offset = atLeast;
            }
        }
    }
}
