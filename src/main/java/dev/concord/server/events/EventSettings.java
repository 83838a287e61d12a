package dev.concord.server.events;

import java.time.Duration;

/**
 * How the event streams of one instance behave. Defaults suit a support floor; every figure can be set with
 * a system property ({@code -Dconcord.events.streamsPerCaller=4}, e.g. in {@code CONCORD_JAVA_OPTS}).
 *
 * @param pollInterval     how often the change log is read without a wake-up (a fallback on PostgreSQL,
 *                         where LISTEN/NOTIFY wakes the reader; on H2 local writes wake it)
 * @param heartbeat        an idle stream gets a comment this often, so proxies keep it open
 * @param queueCapacity    frames a stream may fall behind before it is dropped with an overflow event
 * @param replayWindow     newest events kept in memory for clients resuming with Last-Event-ID; further
 *                         behind, a client gets a reset event
 * @param streamsPerCaller concurrent streams per caller (token); more are refused with 429
 * @param fanoutPause      the fan-out thread pauses this many times as long as each slice of streams took, so
 *                         it takes at most 1 / (1 + fanoutPause) of one core and leaves the rest to requests
 *                         (see {@link Fanout}); 0 writes without pausing
 */
public record EventSettings(Duration pollInterval, Duration heartbeat, int queueCapacity, int replayWindow,
                            int streamsPerCaller, double fanoutPause) {
    public static final String PREFIX = "concord.events.";

    /** The defaults, each overridable by a system property named after it. */
    public static EventSettings fromSystemProperties(boolean postgres) {
        return new EventSettings(
                Duration.ofMillis(Long.getLong(PREFIX + "pollMillis", postgres ? 1000 : 200)),
                Duration.ofMillis(Long.getLong(PREFIX + "heartbeatMillis", 15_000)),
                Integer.getInteger(PREFIX + "queueCapacity", 1000),
                Integer.getInteger(PREFIX + "replayWindow", 10_000),
                Integer.getInteger(PREFIX + "streamsPerCaller", 8),
                Double.parseDouble(System.getProperty(PREFIX + "fanoutPause", "1")));
    }

    public EventSettings {
        if (queueCapacity < 1 || replayWindow < 1 || streamsPerCaller < 1 || !(fanoutPause >= 0)) {
            throw new IllegalArgumentException("event settings must be positive: " + queueCapacity + ", "
                    + replayWindow + ", " + streamsPerCaller + ", " + fanoutPause);
        }
    }

    public EventSettings withHeartbeat(Duration d) {
        return new EventSettings(pollInterval, d, queueCapacity, replayWindow, streamsPerCaller, fanoutPause);
    }

    public EventSettings withQueueCapacity(int n) {
        return new EventSettings(pollInterval, heartbeat, n, replayWindow, streamsPerCaller, fanoutPause);
    }

    public EventSettings withReplayWindow(int n) {
        return new EventSettings(pollInterval, heartbeat, queueCapacity, n, streamsPerCaller, fanoutPause);
    }
}
