package dev.concord.server.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the log's new frames to every stream, on ONE thread of its own, in passes over all streams. A pass is
 * asked for by the reader (new frames), by a socket that takes data again, and by the heartbeat timer; asks
 * that come while a pass runs are served by one more pass, so frames that arrive together go out together.
 *
 * <p>Fan-out work is latency-tolerant (a second is fine) while a write request is not, and both share the
 * machine's cores. So a pass goes through the streams in slices and, between slices, pauses {@code pause}
 * times as long as the slice took: the fan-out then takes at most 1 / (1 + pause) of one core, request threads
 * always find a core, and the longer a pass takes the more events each stream gets per write. A pass over a
 * few hundred streams is one slice and does not pause at all.
 */
final class Fanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);
    /** Streams per slice: a slice of writes takes about a millisecond. */
    static final int SLICE = 256;
    /** The longest pause between slices, so a slice that was slow for other reasons does not stall delivery. */
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Frames [from, to) of the log, concatenated once and written as they are to every stream at {@code from}. */
    record Chunk(byte[] bytes, long lastEventId) {
        static final Chunk EMPTY = new Chunk(new byte[0], 0);
    }

    private final FrameLog log;
    private final Set<EventStream> streams;
    private final double pause;
    private final long heartbeatNanos;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();

    Fanout(FrameLog log, Set<EventStream> streams, double pause, java.time.Duration heartbeat) {
        this.log = log;
        this.streams = streams;
        this.pause = pause;
        this.heartbeatNanos = heartbeat.toNanos();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-events-fanout");
            t.setDaemon(true);
            return t;
        });
        // Idle streams are looked at this often for heartbeats; each is due heartbeat after its own last write.
        long check = Math.max(10, Math.min(1000, heartbeat.toMillis() / 4));
        thread.scheduleWithFixedDelay(this::request, check, check, TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass (any thread, cheap): one more runs after the current one, however often this is called. */
    void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException e) {
                requested.set(false); // closing
            }
        }
    }

    long overflows() {
        return overflows.get();
    }

    /** Passes made since start (each covers every stream once). */
    long passes() {
        return passes.get();
    }

    private void run() {
        requested.set(false);
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.warn("Writing events to the streams failed; the next pass retries", e);
        }
    }

    private void pass() {
        passes.incrementAndGet();
        List<EventStream> all = new ArrayList<>(streams);
        Pass p = new Pass();
        for (int start = 0; start < all.size(); start += SLICE) {
            long sliceStart = System.nanoTime();
            p.next(sliceStart);
            int end = Math.min(all.size(), start + SLICE);
            for (int i = start; i < end; i++) {
                EventStream s = all.get(i);
                if (!s.visit(p)) {
                    streams.remove(s);
                    if (s.overflowed()) {
                        overflows.incrementAndGet();
                    }
                }
            }
            if (end < all.size() && pause > 0) {
                long took = System.nanoTime() - sliceStart;
                LockSupport.parkNanos(Math.min(MAX_PAUSE_NANOS, (long) (took * pause)));
            }
        }
    }

    /** One slice's view: the head read at its start, and the chunks built for it, shared by its streams. */
    private final class Pass implements EventStream.Visit {
        private final Map<Long, Chunk> chunks = new HashMap<>();
        private long head = -1;
        private long now;
        private int heartbeats;

        void next(long nowNanos) {
            long h = log.head();
            if (h != head) {
                chunks.clear();
                head = h;
            }
            now = nowNanos;
            // Streams opened together fall due together: at most an eighth of them per slice's worth.
            heartbeats = Math.max(8, SLICE / 8);
        }

        @Override
        public long head() {
            return head;
        }

        @Override
        public Chunk chunk(long from) {
            return chunks.computeIfAbsent(from, f -> build(f, head));
        }

        @Override
        public long nowNanos() {
            return now;
        }

        @Override
        public boolean heartbeatDue(long lastWriteNanos) {
            if (now - lastWriteNanos < heartbeatNanos || heartbeats == 0) {
                return false;
            }
            heartbeats--;
            return true;
        }
    }

    /** The frames [from, to) as one byte array, or null when some were overwritten already. */
    private Chunk build(long from, long to) {
        if (to - from > log.capacity()) {
            return null;
        }
        List<Frame> frames = new ArrayList<>((int) (to - from));
        int length = 0;
        long lastId = 0;
        for (long p = from; p < to; p++) {
            Frame f = log.at(p);
            if (f == null) {
                return null;
            }
            frames.add(f);
            length += f.bytes().length;
            lastId = Math.max(lastId, f.eventId());
        }
        if (frames.size() == 1) {
            return new Chunk(frames.get(0).bytes(), lastId);
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (Frame f : frames) {
            System.arraycopy(f.bytes(), 0, bytes, at, f.bytes().length);
            at += f.bytes().length;
        }
        return new Chunk(bytes, lastId);
    }

    /**
     * Ends every stream: a last pass lets them go out cleanly, and any a stuck socket holds is ended at once,
     * so stopping the server never waits for a client.
     */
    @Override
    public void close() {
        streams.forEach(EventStream::end);
        request();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("event fan-out did not stop within 2 s");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.forEach(EventStream::finish);
        streams.clear();
    }
}
