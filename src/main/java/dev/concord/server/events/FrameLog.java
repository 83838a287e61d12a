package dev.concord.server.events;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The live frames of one instance (changes and presence, in the order the reader published them), kept in a
 * ring that every stream reads with a cursor of its own. Publishing a frame is one slot write whatever the
 * number of streams; a stream never has a queue. A stream whose cursor falls further behind than the ring
 * holds has lost frames: it gets an overflow and is dropped.
 *
 * <p>One thread appends (the hub's reader); any thread reads. A slot remembers its position, so a reader that
 * races with an overwrite sees the mismatch instead of a wrong frame.
 */
final class FrameLog {
    private record Slot(long position, Frame frame) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int capacity;
    /** The position the next frame gets; frames at [head - capacity, head) are readable. */
    private volatile long head;

    FrameLog(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Appends a frame (the reader thread only). */
    void append(Frame f) {
        long p = head;
        slots.set((int) (p % capacity), new Slot(p, f));
        head = p + 1;
    }

    long head() {
        return head;
    }

    int capacity() {
        return capacity;
    }

    /** The frame at {@code position}, or null when it was overwritten (the reader is too far behind). */
    Frame at(long position) {
        Slot s = slots.get((int) (position % capacity));
        return s != null && s.position() == position ? s.frame() : null;
    }
}
