package dev.concord.merge;

import java.util.ArrayDeque;

/**
 * Hands boxes of one Myers pass between two workers: a worker that runs out of boxes waits here, and the
 * other, seeing it wait, gives it one. The pass is over when every worker that joined is waiting. A worker
 * that starts after that (its thread came late) finds the pass over and does nothing.
 */
final class BoxSharing {
    private final ArrayDeque<int[]> given = new ArrayDeque<>();
    private int active;
    private int waiting;
    private boolean over;
    /** {@code waiting > 0}, readable without the lock: checked after every box. */
    private volatile boolean wanted;

    /** Registers a worker; false if the pass is already over. */
    synchronized boolean join() {
        if (over) {
            return false;
        }
        active++;
        return true;
    }

    boolean wanted() {
        return wanted;
    }

    synchronized void give(int[] box) {
        given.add(box);
        notifyAll();
    }

    /** A box handed over, waiting for one while the other worker still works; null once the pass is over. */
    synchronized int[] take() {
        waiting++;
        wanted = true;
        boolean interrupted = false;
        try {
            while (given.isEmpty()) {
                if (over || waiting == active) {
                    over = true;
                    notifyAll();
                    return null;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    // A merge is not cancellable half-way (the other worker still holds boxes of it): finish it,
                    // and give the caller its interrupt back afterwards.
                    interrupted = true;
                }
            }
            return given.poll();
        } finally {
            waiting--;
            wanted = waiting > 0;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
