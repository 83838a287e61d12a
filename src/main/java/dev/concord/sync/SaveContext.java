package dev.concord.sync;

import dev.concord.client.ConcordApi;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What every save of one coordinator shares: the API, the store, the retry policy, the clock, the sleeps, the
 * jitter's generator, the merge, and who the API's token stands for (asked only when a save merged others'
 * changes). Immutable, so saves on many threads share one.
 */
record SaveContext(ConcordApi api, ConflictStore store, RetryPolicy policy, Clock clock, Sleeper sleeper,
                   RandomGenerator random, RecordMerger merger, Supplier<String> me) {

    /** A fresh idempotency key (and the source of conflict and pending ids). */
    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
