package dev.concord.server.events;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open event stream, written with non-blocking servlet I/O by the hub's fan-out thread. The stream has no
 * queue of live frames: it keeps a cursor into the shared {@link FrameLog}, and each time the fan-out visits it
 * (see {@link Fanout}) everything between the cursor and the log's head goes out in ONE write of bytes shared
 * with every other stream at the same cursor. Several events pending for a stream therefore cost one write, not
 * one each. When the socket takes no more ({@code isReady} false) the stream is skipped, and the container's
 * {@link #onWritePossible} asks the fan-out to come back. No thread waits for a client.
 *
 * <p>A client further behind than the log holds is dropped: an {@code overflow} event naming the last event
 * actually written goes out, and the stream ends. A client that stops reading altogether cannot take even
 * that; the connector's idle timeout then fails the write and ends it.
 */
final class EventStream implements WriteListener, AsyncListener {
    /** What the fan-out gives a stream on a visit: the log's head and the bytes of a range of it. */
    interface Visit {
        /** The log position after the newest frame this visit sends. */
        long head();

        /** The frames from {@code from} to {@link #head()}, encoded once for every stream; null if overwritten. */
        Fanout.Chunk chunk(long from);

        long nowNanos();

        /** Whether this idle stream may send a heartbeat now (heartbeats are spread over several visits). */
        boolean heartbeatDue(long lastWriteNanos);
    }

    private final ServletOutputStream out;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Frames for this stream only (opening comment, replay, reset), written before any live frame. */
    private final ConcurrentLinkedQueue<Frame> own = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable wake;
    private final Runnable onEnd;
    private final int capacity;
    /** Set by the hub (closing) or on overflow: send what must go out, then end. */
    private volatile boolean ending;
    private volatile boolean overflowed;
    /** Nothing may touch the output before the write listener is set. */
    private volatile boolean started;
    // Fan-out thread only (a visit never runs twice at once).
    private long cursor;
    private long lastWritten;
    private long lastWriteNanos = System.nanoTime();
    private boolean noticeSent;

    /**
     * @param cursor      the log position of the first live frame this stream sends
     * @param resumeAfter the last change id the client has (named in an overflow before anything else went out)
     * @param wake        asks the fan-out for a visit (the socket takes data again)
     */
    EventStream(ServletOutputStream out, long cursor, long resumeAfter, int capacity, Runnable wake, Runnable onEnd) {
        this.out = out;
        this.cursor = cursor;
        this.lastWritten = resumeAfter;
        this.capacity = capacity;
        this.wake = wake;
        this.onEnd = onEnd;
    }

    /** Completes when the stream is over, for whatever reason; the HTTP exchange then completes. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Queues a frame for this stream alone, ahead of the live ones (opening notices, replay, reset). */
    void offerOwn(Frame f) {
        own.add(f);
    }

    /** Starts writing: the container calls {@link #onWritePossible} once the socket takes data. */
    void start() {
        out.setWriteListener(this);
        started = true;
        wake.run();
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Ends the stream after what is already being written (hub closing). */
    void end() {
        ending = true;
        own.clear();
        wake.run();
    }

    /**
     * Writes what this stream has pending (fan-out thread).
     *
     * @return false when the stream is over and can be forgotten
     */
    boolean visit(Visit v) {
        if (ended.get()) {
            return false;
        }
        if (!started) {
            return true;
        }
        try {
            long behind = v.head() - cursor;
            if (!ending && behind > capacity) {
                overflowed = true;
                ending = true;
            }
            if (ending) {
                return closing();
            }
            boolean mine = !own.isEmpty();
            if (behind == 0 && !mine) {
                if (v.heartbeatDue(lastWriteNanos) && out.isReady()) {
                    send(Frame.HEARTBEAT.bytes());
                    lastWriteNanos = v.nowNanos();
                }
                return true;
            }
            if (!out.isReady()) {
                return true; // onWritePossible brings the fan-out back
            }
            Fanout.Chunk live = behind == 0 ? Fanout.Chunk.EMPTY : v.chunk(cursor);
            if (live == null) {
                overflowed = true;
                ending = true;
                return closing();
            }
            byte[] bytes = mine ? withOwnFrames(live) : live.bytes();
            send(bytes);
            cursor = v.head();
            lastWritten = Math.max(lastWritten, live.lastEventId());
            lastWriteNanos = v.nowNanos();
            return true;
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the exchange is already over): that is how most streams end.
            finish();
            return false;
        }
    }

    /**
     * One write, pushed to the socket: the container may keep a small write in its buffer until a flush, and
     * takes no flush (nor anything) until {@code isReady} said yes again. When it says no, the write is still
     * going out and {@link #onWritePossible} follows.
     */
    private void send(byte[] bytes) throws IOException {
        out.write(bytes);
        if (out.isReady()) {
            out.flush();
        }
    }

    /** This stream's own frames, then the live chunk, as one write; notes the newest change id among them. */
    private byte[] withOwnFrames(Fanout.Chunk live) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Frame f;
        while ((f = own.poll()) != null) {
            buf.writeBytes(f.bytes());
            lastWritten = Math.max(lastWritten, f.eventId());
        }
        buf.writeBytes(live.bytes());
        return buf.toByteArray();
    }

    /** Sends the overflow notice when one is due, then ends once the socket took it. */
    private boolean closing() throws IOException {
        if (overflowed && !noticeSent) {
            if (!out.isReady()) {
                return true;
            }
            noticeSent = true;
            send(Frame.overflow(lastWritten).bytes());
        }
        if (!out.isReady()) {
            return true; // still going out; onWritePossible brings the fan-out back
        }
        finish();
        return false;
    }

    @Override
    public void onWritePossible() {
        wake.run();
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

    /** Ends the stream at once (also when the hub stops and no visit can come any more). */
    void finish() {
        if (ended.compareAndSet(false, true)) {
            ending = true;
            own.clear();
            onEnd.run();
            done.complete(null);
        }
    }

    boolean isOver() {
        return ended.get();
    }
}
