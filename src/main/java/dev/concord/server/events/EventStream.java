package dev.concord.server.events;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open event stream, written with non-blocking servlet I/O: the hub offers frames to a bounded queue,
 * and a writer thread copies them to the socket only while it accepts more ({@code isReady}); when it
 * does not, the container calls {@link #onWritePossible} later. No thread waits for a client.
 *
 * <p>A client that lets its queue fill is dropped: the queue is emptied at once, an {@code overflow} event
 * naming the last event actually written goes out, and the stream ends. A client that stops reading
 * altogether cannot take even that; the connector's idle timeout then fails the write and ends it.
 */
final class EventStream implements WriteListener, AsyncListener {
    private final ServletOutputStream out;
    private final Executor writers;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;
    private final int capacity;
    /** Highest change id offered; later offers at or below it are skipped (replay and live overlap). */
    private long offeredUpTo;
    /** Set by the hub: stop taking frames; {@code overflowed} says whether an overflow notice goes out. */
    private volatile boolean ending;
    private volatile boolean overflowed;
    /** Nothing may touch the output before the write listener is set; frames offered earlier wait. */
    private volatile boolean started;
    /** When the hub last offered a frame, for heartbeats (nanoTime). Hub thread only. */
    private long lastOfferNanos = System.nanoTime();
    // Writer side: only ever touched inside drain(), which never runs twice at once.
    private long lastWritten;
    private boolean unflushed;
    private boolean noticeSent;

    EventStream(ServletOutputStream out, Executor writers, int capacity, long resumeAfter, Runnable onEnd) {
        this.out = out;
        this.writers = writers;
        this.capacity = capacity;
        this.offeredUpTo = resumeAfter;
        this.lastWritten = resumeAfter;
        this.onEnd = onEnd;
    }

    /** Completes when the stream is over, for whatever reason; the HTTP exchange then completes. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Starts writing: the container calls {@link #onWritePossible} once the socket takes data. */
    void start() {
        out.setWriteListener(this);
        started = true;
        requestDrain();
    }

    /**
     * Queues a frame (hub thread). Change frames at or below what this stream already has are skipped.
     *
     * @return false when the stream is ending or just overflowed: the hub forgets it
     */
    boolean offer(Frame f, long nowNanos) {
        if (ending) {
            return false;
        }
        if (f.eventId() > 0) {
            if (f.eventId() <= offeredUpTo) {
                return true;
            }
            offeredUpTo = f.eventId();
        }
        if (queued.incrementAndGet() > capacity) {
            overflowed = true;
            ending = true;
            queue.clear();
            requestDrain();
            return false;
        }
        queue.add(f);
        lastOfferNanos = nowNanos;
        requestDrain();
        return true;
    }

    /** Queues a frame even past the capacity (the replay of a resuming client, its opening notices). */
    void offerUnbounded(Frame f) {
        if (f.eventId() > 0) {
            offeredUpTo = Math.max(offeredUpTo, f.eventId());
        }
        queue.add(f);
        requestDrain();
    }

    long lastOfferNanos() {
        return lastOfferNanos;
    }

    long offeredUpTo() {
        return offeredUpTo;
    }

    /** Ends the stream after what is already being written (hub closing). */
    void end() {
        ending = true;
        queue.clear();
        requestDrain();
    }

    @Override
    public void onWritePossible() {
        requestDrain();
    }

    @Override
    public void onError(Throwable t) {
        finish();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finish();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish();
    }

    @Override
    public void onError(AsyncEvent event) {
        finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }

    private void requestDrain() {
        if (started && drainRequests.getAndIncrement() == 0) {
            try {
                writers.execute(this::drainLoop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                finish(); // the hub closed
            }
        }
    }

    /** Runs until no request to drain is left; requests arriving meanwhile make it go round again. */
    private void drainLoop() {
        int missed = 1;
        do {
            drain();
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drain() {
        if (ended.get()) {
            return;
        }
        try {
            while (out.isReady()) {
                if (ending) {
                    if (overflowed && !noticeSent) {
                        noticeSent = true;
                        write(Frame.overflow(lastWritten));
                        continue;
                    }
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    finish();
                    return;
                }
                Frame f = queue.poll();
                if (f == null) {
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    return;
                }
                queued.decrementAndGet();
                write(f);
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the exchange is already over): that is how most streams end.
            finish();
        }
    }

    private void write(Frame f) throws IOException {
        out.write(f.bytes());
        unflushed = true;
        if (f.eventId() > 0) {
            lastWritten = f.eventId();
        }
    }

    private void finish() {
        if (ended.compareAndSet(false, true)) {
            ending = true;
            queue.clear();
            onEnd.run();
            done.complete(null);
        }
    }
}
