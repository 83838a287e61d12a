package dev.concord.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.ChangeEvent;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One stream's non-blocking writing, against an output whose socket the test fills and empties: a client
 * that stops reading costs a bounded queue, then is dropped with an overflow naming the last event it got.
 */
class EventStreamWritingTest {
    /** A servlet output that takes writes only while the test says its socket has room. */
    static final class Socket extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean room = true;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return room;
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b) throws IOException {
            if (!room) {
                throw new IllegalStateException("write while not ready");
            }
            written.write(b);
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private static Frame change(long id) {
        return Frame.change(new ChangeEvent(id, "subscriptions", "sub_0001", id + 1, "alice", Instant.EPOCH, "update",
                List.of("notes")));
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithAnOverflowNamingTheLastEventItGot() throws Exception {
        Socket socket = new Socket();
        AtomicInteger ended = new AtomicInteger();
        EventStream stream = new EventStream(socket, Runnable::run, 3, 0, ended::incrementAndGet);
        stream.start();
        assertThat(stream.offer(change(1), 0)).isTrue();
        assertThat(stream.offer(change(2), 0)).isTrue();
        assertThat(socket.text()).contains("id: 1\n").contains("id: 2\n");

        socket.room = false; // the client stopped reading
        assertThat(stream.offer(change(3), 0)).isTrue();
        assertThat(stream.offer(change(4), 0)).isTrue();
        assertThat(stream.offer(change(5), 0)).isTrue();
        assertThat(stream.offer(change(6), 0)).as("a fourth queued frame is one too many").isFalse();
        assertThat(stream.offer(change(7), 0)).as("dropped: takes nothing more").isFalse();
        assertThat(stream.done()).isNotDone();

        socket.room = true;
        socket.listener.onWritePossible();
        assertThat(stream.done()).isDone();
        assertThat(ended).hasValue(1);
        String text = socket.text();
        assertThat(text).doesNotContain("id: 3\n").endsWith("event: overflow\ndata: {\"lastEventId\":2,"
                + "\"message\":\"This stream fell too far behind and is closed; reconnect with Last-Event-ID: 2 to miss"
                + " nothing\"}\n\n");
    }

    @Test
    void replayedAndLiveFramesOverlapWithoutRepeats() {
        Socket socket = new Socket();
        EventStream stream = new EventStream(socket, Runnable::run, 10, 4, () -> { });
        stream.start();
        stream.offerUnbounded(change(5));
        stream.offer(change(5), 0); // the live copy of the replayed event
        stream.offer(change(4), 0); // already had before resuming
        stream.offer(change(6), 0);
        assertThat(socket.text().split("event: change", -1)).hasSize(3);
        assertThat(socket.text()).contains("id: 5\n").contains("id: 6\n").doesNotContain("id: 4\n");
    }

    @Test
    void nothingIsWrittenBeforeTheListenerIsSetAndAFailedWriteEndsTheStreamOnce() {
        Socket socket = new Socket();
        AtomicInteger ended = new AtomicInteger();
        EventStream stream = new EventStream(socket, Runnable::run, 10, 0, ended::incrementAndGet);
        stream.offerUnbounded(Frame.opening("alice"));
        assertThat(socket.text()).isEmpty();
        stream.start();
        assertThat(socket.text()).startsWith("retry: 2000\n: connected as alice");
        stream.onError(new IOException("connection reset"));
        stream.onError(new IOException("again"));
        assertThat(ended).hasValue(1);
        assertThat(stream.offer(change(1), 0)).isFalse();
    }
}
