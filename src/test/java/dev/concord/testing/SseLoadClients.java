package dev.concord.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Thousands of event-stream clients on a few threads (raw non-blocking NIO, HTTP/1.0 so the body is the
 * bare event stream), for the streams benchmark and soak. Each {@link Client} records the id and arrival
 * time (nanoTime) of every {@code change} event, and whether it saw a {@code reset} or an {@code overflow}.
 */
public final class SseLoadClients implements AutoCloseable {
    private final InetSocketAddress server;
    private final Loop[] loops;
    private int next;

    public SseLoadClients(String host, int port, int threads) throws IOException {
        this.server = new InetSocketAddress(host, port);
        this.loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new Loop(Selector.open(), "sse-load-" + i);
            loops[i].thread.start();
        }
    }

    /** Opens one stream for {@code token}, resuming after {@code lastEventId} when not null. */
    public Client open(String token, Long lastEventId) throws IOException {
        Client c = new Client(("GET /api/v1/events HTTP/1.0\r\nHost: " + server.getHostString() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n"
                + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.connect(server);
        c.channel = ch;
        Loop loop = loops[next++ % loops.length];
        loop.pending.add(c);
        loop.selector.wakeup();
        return c;
    }

    @Override
    public void close() {
        for (Loop l : loops) {
            l.stop = true;
            l.selector.wakeup();
            try {
                l.thread.join(5000);
                for (SelectionKey k : l.selector.keys()) {
                    k.channel().close();
                }
                l.selector.close();
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One stream. Fields are written by its loop thread and read by others once they settle. */
    public static final class Client {
        private final byte[] request;
        private SocketChannel channel;
        private final byte[] line = new byte[8192];
        private int lineLength;
        private volatile int status;
        private volatile boolean opened;
        private volatile boolean ended;
        private volatile boolean overflowed;
        private volatile boolean reset;
        private volatile long resetTo = -1;
        private long[] ids = new long[64];
        private long[] arrivals = new long[64];
        private volatile int count;
        /** Set under the lock by {@link #hangUp}: bytes the loop thread still holds are no longer received. */
        private boolean hungUp;
        /** Fields of the event being read; it counts as received only at its blank line (SSE dispatch). */
        private long pendingId = -1;
        private boolean pendingReset;

        private Client(byte[] request) {
            this.request = request;
        }

        /** HTTP status of the answer (0 until it arrived). */
        public int status() {
            return status;
        }

        /** The server sent its opening comment: events flow from here. */
        public boolean opened() {
            return opened;
        }

        public boolean ended() {
            return ended;
        }

        public boolean overflowed() {
            return overflowed;
        }

        public boolean reset() {
            return reset;
        }

        /** The id a reset event moved the stream to (-1 without one). */
        public long resetTo() {
            return resetTo;
        }

        public int count() {
            return count;
        }

        /** Change-event ids received, in order. */
        public synchronized long[] ids() {
            return Arrays.copyOf(ids, count);
        }

        /** Arrival times (nanoTime) of the change events, same order as {@link #ids()}. */
        public synchronized long[] arrivals() {
            return Arrays.copyOf(arrivals, count);
        }

        /**
         * How many change ids above {@code mark} arrived, counted back from the newest without copying: a bench
         * waiting for 10,000 streams asks this every few milliseconds, and must not load the machine it measures.
         * Order and exactly-once are checked on {@link #ids()}.
         */
        public synchronized int countAbove(long mark) {
            int n = 0;
            for (int i = count - 1; i >= 0 && ids[i] > mark; i--) {
                n++;
            }
            return n;
        }

        /** The last change id received, or null. */
        public synchronized Long lastId() {
            return count == 0 ? null : ids[count - 1];
        }

        /**
         * Hangs up (from any thread). Whatever the loop thread has read but not yet parsed is dropped, as a
         * client that closes its stream drops it: {@link #lastId()} read after this is where a resume starts.
         */
        public void hangUp() {
            synchronized (this) {
                hungUp = true;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            ended = true;
        }

        private synchronized void add(long id, long at) {
            if (hungUp) {
                return;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                arrivals = Arrays.copyOf(arrivals, count * 2);
            }
            ids[count] = id;
            arrivals[count] = at;
            count++;
        }

        private void feed(ByteBuffer buf, long now) {
            while (buf.hasRemaining()) {
                byte b = buf.get();
                if (b == '\n') {
                    onLine(now);
                    lineLength = 0;
                } else if (b != '\r' && lineLength < line.length) {
                    line[lineLength++] = b;
                }
            }
        }

        private boolean lineStarts(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Parses in place: thousands of streams get every event, so no String per line. An event is taken at its
         * blank line, as the SSE spec dispatches it, whatever the order of its fields; one cut off by a hang-up
         * is not received.
         */
        private void onLine(long now) {
            if (lineLength == 0) {
                if (pendingReset) {
                    resetTo = pendingId;
                } else if (pendingId >= 0) {
                    add(pendingId, now);
                }
                pendingId = -1;
                pendingReset = false;
            } else if (lineStarts("id: ")) {
                long id = 0;
                for (int i = 4; i < lineLength && line[i] >= '0' && line[i] <= '9'; i++) {
                    id = id * 10 + (line[i] - '0');
                }
                pendingId = id;
            } else if (lineStarts("event: reset")) {
                reset = true;
                pendingReset = true;
            } else if (lineStarts("event: overflow")) {
                overflowed = true;
            } else if (lineStarts(": connected")) {
                opened = true;
            } else if (status == 0 && lineStarts("HTTP/")) {
                String l = new String(line, 0, lineLength, StandardCharsets.US_ASCII);
                status = Integer.parseInt(l.split(" ")[1]);
            }
        }
    }

    private static final class Loop implements Runnable {
        final Selector selector;
        final Thread thread;
        final ConcurrentLinkedQueue<Client> pending = new ConcurrentLinkedQueue<>();
        final ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
        volatile boolean stop;

        Loop(Selector selector, String name) {
            this.selector = selector;
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    selector.select(100);
                    Client c;
                    while ((c = pending.poll()) != null) {
                        try {
                            c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                        } catch (IOException e) {
                            c.ended = true;
                        }
                    }
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key, (Client) key.attachment(), now);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | RuntimeException e) {
                    if (!stop) {
                        System.err.println("sse load loop: " + e);
                    }
                }
            }
        }

        private void handle(SelectionKey key, Client c, long now) {
            try {
                if (!key.isValid()) {
                    c.ended = true;
                    return;
                }
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    c.channel.write(ByteBuffer.wrap(c.request)); // small: goes out whole on a fresh socket
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    buf.clear();
                    int n = c.channel.read(buf);
                    if (n < 0) {
                        c.ended = true;
                        key.cancel();
                        c.channel.close();
                        return;
                    }
                    buf.flip();
                    c.feed(buf, now);
                }
            } catch (IOException | java.nio.channels.CancelledKeyException e) {
                c.ended = true;
                key.cancel();
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // already broken
                }
            }
        }
    }

    /** Streams of {@code clients} that are open and not dropped. */
    public static List<Client> live(List<Client> clients) {
        List<Client> out = new ArrayList<>();
        for (Client c : clients) {
            if (c.opened() && !c.ended()) {
                out.add(c);
            }
        }
        return out;
    }
}
