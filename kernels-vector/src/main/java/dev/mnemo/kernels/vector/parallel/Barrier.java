package dev.mnemo.kernels.vector.parallel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for the workers of one {@link WorkerPool#run} call: spins briefly (the
 * steps of a recurrent kernel are a few microseconds apart), then yields the core.
 * A barrier for one party never waits.
 */
public final class Barrier {
    private static final int SPINS = 1 << 14;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;

    Barrier(int parties) {
        this.parties = parties;
    }

    /** A barrier for a region run by one thread: {@link #await()} returns at once. */
    public static Barrier single() {
        return new Barrier(1);
    }

    /** Number of workers that must arrive. */
    public int parties() {
        return parties;
    }

    /** Waits until all parties have called this method for the current phase. */
    public void await() {
        if (parties == 1) {
            return;
        }
        int current = phase;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            phase = current + 1;
            return;
        }
        int spins = 0;
        while (phase == current) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
