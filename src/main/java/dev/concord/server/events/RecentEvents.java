package dev.concord.server.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay window: the newest change frames in id order, so that a client resuming with Last-Event-ID
 * (a reconnect wave after a network blip, an overflowed stream) is served from memory, not by a query of
 * its own. A client further behind than the window gets a {@code reset}. Guarded by the hub's lock.
 */
final class RecentEvents {
    private final int capacity;
    private final ArrayDeque<Frame> frames;
    /** Every event with an id above this is in the window. */
    private long floor;

    RecentEvents(int capacity, long floor) {
        this.capacity = capacity;
        this.frames = new ArrayDeque<>(Math.min(capacity, 1024));
        this.floor = floor;
    }

    void add(Frame f) {
        if (frames.size() == capacity) {
            floor = frames.removeFirst().eventId();
        }
        frames.addLast(f);
    }

    /** Whether every event after {@code eventId} is still here. */
    boolean covers(long eventId) {
        return eventId >= floor;
    }

    /** The frames after {@code eventId}, oldest first. */
    List<Frame> after(long eventId) {
        List<Frame> out = new ArrayList<>();
        var it = frames.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (f.eventId() <= eventId) {
                break;
            }
            out.add(f);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    int size() {
        return frames.size();
    }
}
