package dev.concord.server;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as the server records it: millisecond precision, so what is stored is exactly what is answered. */
final class ServerClock {
    private final Clock clock;

    ServerClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
