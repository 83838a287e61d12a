package dev.concord.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.api.ChangeEvent;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams' non-blocking writing by the fan-out, against outputs whose socket the test fills and empties: a
 * client that stops reading costs nothing but its cursor, then is dropped with an overflow naming the last
 * event it got; frames pending together go out in one write shared by every stream.
 */
class EventStreamWritingTest {
    /** A servlet output that takes writes only while the test says its socket has room. */
    static final class Socket extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<byte[]> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        public synchronized void write(int b) {
            written.write(b);
        }

        @Override
        public synchronized void write(byte[] b) throws IOException {
            if (!room) {
                throw new IllegalStateException("write while not ready");
            }
            writes.add(b);
            written.write(b);
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private static Frame change(long id) {
        return Frame.change(new ChangeEvent(id, "subscriptions", "sub_0001", id + 1, "alice", Instant.EPOCH, "update",
                List.of("notes")));
    }

    private final FrameLog log = new FrameLog(3);
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final Fanout fanout = new Fanout(log, streams, 0, Duration.ofHours(1));

    @AfterEach
    void stop() {
        fanout.close();
    }

    private EventStream open(Socket socket, long resumeAfter, AtomicInteger ended) {
        EventStream s = new EventStream(socket, log.head(), resumeAfter, log.capacity(), fanout::request,
                ended::incrementAndGet);
        streams.add(s);
        return s;
    }

    private void publish(long... ids) {
        for (long id : ids) {
            log.append(change(id));
        }
        fanout.request();
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithAnOverflowNamingTheLastEventItGot() throws Exception {
        Socket socket = new Socket();
        AtomicInteger ended = new AtomicInteger();
        EventStream stream = open(socket, 0, ended);
        stream.start();
        publish(1, 2);
        await().untilAsserted(() -> assertThat(socket.text()).contains("id: 1\n").contains("id: 2\n"));

        socket.room = false; // the client stopped reading
        publish(3, 4, 5);
        await().until(() -> fanout.passes() > 2);
        assertThat(stream.done()).as("three frames behind: as many as the log holds").isNotDone();
        publish(6);
        await().until(stream::overflowed);
        assertThat(stream.done()).as("the notice waits for the socket").isNotDone();

        socket.room = true;
        socket.listener.onWritePossible();
        await().until(() -> stream.done().isDone());
        assertThat(ended).hasValue(1);
        assertThat(fanout.overflows()).isEqualTo(1);
        assertThat(streams).isEmpty();
        String text = socket.text();
        assertThat(text).doesNotContain("id: 3\n").endsWith("event: overflow\ndata: {\"lastEventId\":2,"
                + "\"message\":\"This stream fell too far behind and is closed; reconnect with Last-Event-ID: 2 to miss"
                + " nothing\"}\n\n");
    }

    @Test
    void framesPendingTogetherGoOutInOneWriteSharedByEveryStream() throws Exception {
        Socket a = new Socket();
        Socket b = new Socket();
        open(a, 0, new AtomicInteger());
        open(b, 0, new AtomicInteger());
        a.room = false;
        b.room = false;
        streams.forEach(EventStream::start);
        publish(1, 2, 3);
        await().until(() -> fanout.passes() > 1);
        a.room = true;
        b.room = true;
        a.listener.onWritePossible();
        await().untilAsserted(() -> assertThat(b.text()).contains("id: 3\n"));
        assertThat(a.writes).as("the three events in one write").hasSize(1);
        assertThat(b.writes).hasSize(1);
        assertThat(a.writes.get(0)).as("the same bytes, encoded once").isSameAs(b.writes.get(0));
        assertThat(a.text()).contains("id: 1\n").contains("id: 2\n").contains("id: 3\n");
    }

    @Test
    void ownFramesGoFirstThenLiveOnesWithoutRepeats() {
        Socket socket = new Socket();
        EventStream stream = open(socket, 4, new AtomicInteger());
        stream.offerOwn(Frame.opening("alice"));
        stream.offerOwn(change(5)); // replayed
        stream.start();
        publish(6);
        await().untilAsserted(() -> assertThat(socket.text()).contains("id: 6\n"));
        String text = socket.text();
        assertThat(text).startsWith("retry: 2000\n: connected as alice");
        assertThat(text.indexOf("id: 5\n")).isLessThan(text.indexOf("id: 6\n"));
        assertThat(text.split("event: change", -1)).hasSize(3);
    }

    @Test
    void nothingIsWrittenBeforeTheListenerIsSetAndAFailedWriteEndsTheStreamOnce() {
        Socket socket = new Socket();
        AtomicInteger ended = new AtomicInteger();
        EventStream stream = open(socket, 0, ended);
        stream.offerOwn(Frame.opening("alice"));
        fanout.request();
        await().until(() -> fanout.passes() > 0);
        assertThat(socket.text()).isEmpty();
        stream.start();
        await().untilAsserted(() -> assertThat(socket.text()).startsWith("retry: 2000\n: connected as alice"));
        stream.onError(new IOException("connection reset"));
        stream.onError(new IOException("again"));
        assertThat(ended).hasValue(1);
        publish(1);
        await().untilAsserted(() -> assertThat(streams).isEmpty());
        assertThat(socket.text()).doesNotContain("id: 1");
    }
}
