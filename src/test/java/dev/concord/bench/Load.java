package dev.concord.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code threads} threads each run an operation back to back, first for the warm-up
 * (discarded), then for the measured window; every operation's latency is kept.
 */
final class Load {
    /** One operation of thread {@code thread}; throws when it failed (counted, not timed). */
    @FunctionalInterface
    interface Op {
        void run(int thread) throws Exception;
    }

    /** Operations per second, latency percentiles in microseconds, and failures (and every latency, sorted). */
    record Stats(long ops, double seconds, double perSecond, double p50Micros, double p99Micros, long errors,
                 @com.fasterxml.jackson.annotation.JsonIgnore long[] sortedNanos) {
        static Stats of(long[] nanos, double seconds, long errors) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, seconds, sorted.length / seconds, percentile(sorted, 0.50) / 1000.0,
                    percentile(sorted, 0.99) / 1000.0, errors, sorted);
        }

        /** Several windows of the same operation as one: every latency of each, their time and failures. */
        static Stats merge(List<Stats> windows) {
            long[] all = new long[windows.stream().mapToInt(w -> w.sortedNanos().length).sum()];
            int pos = 0;
            double seconds = 0;
            long errors = 0;
            for (Stats w : windows) {
                System.arraycopy(w.sortedNanos(), 0, all, pos, w.sortedNanos().length);
                pos += w.sortedNanos().length;
                seconds += w.seconds();
                errors += w.errors();
            }
            return of(all, seconds, errors);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    private Load() {
    }

    static Stats run(int threads, Duration warmup, Duration measure, Op op) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        long[][] perThread = new long[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[threads];
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            perThread[t] = new long[1 << 16];
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        boolean counted = measuring.get();
                        long t0 = System.nanoTime();
                        try {
                            op.run(thread);
                        } catch (Exception e) {
                            if (counted) {
                                errors[thread]++;
                            }
                            continue;
                        }
                        long took = System.nanoTime() - t0;
                        if (counted && measuring.get()) {
                            if (counts[thread] == perThread[thread].length) {
                                perThread[thread] = Arrays.copyOf(perThread[thread], counts[thread] * 2);
                            }
                            perThread[thread][counts[thread]++] = took;
                        }
                    }
                } catch (Throwable e) {
                    broken.compareAndSet(null, e);
                }
            }, "load-" + t);
            workers.add(w);
            w.start();
        }
        start.await();
        Thread.sleep(warmup.toMillis());
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        stop.set(true);
        for (Thread w : workers) {
            w.join(60_000);
        }
        if (broken.get() != null) {
            throw new IllegalStateException("load thread failed", broken.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        return Stats.of(all, seconds, Arrays.stream(errors).sum());
    }
}
