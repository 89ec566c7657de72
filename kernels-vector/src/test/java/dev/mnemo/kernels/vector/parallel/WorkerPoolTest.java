package dev.mnemo.kernels.vector.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The vector backend's pool: every thread runs a region once, failures reach the caller, nested regions run alone, ranges split evenly. */
class WorkerPoolTest {

    @Test
    void everyThreadRunsEachRegionOnceAndTheBarrierHoldsThemTogether() {
        WorkerPool pool = new WorkerPool(4);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            AtomicIntegerArray seenAfterBarrier = new AtomicIntegerArray(4);
            for (int region = 0; region < 100; region++) {
                pool.run((worker, workers, barrier) -> {
                    assertEquals(4, workers);
                    runs.incrementAndGet(worker);
                    barrier.await();
                    int total = 0;
                    for (int i = 0; i < 4; i++) {
                        total += runs.get(i);
                    }
                    seenAfterBarrier.set(worker, total);
                });
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(100, runs.get(i), "thread " + i);
                assertEquals(400, seenAfterBarrier.get(i), "past the last barrier thread " + i + " sees every thread's runs");
            }
        } finally {
            pool.close();
        }
    }

    @Test
    void aFailureInAWorkerReachesTheCallerAndThePoolStillWorks() {
        WorkerPool pool = new WorkerPool(3);
        try {
            IllegalArgumentException boom = new IllegalArgumentException("worker 2 failed");
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pool.run((worker, workers, barrier) -> {
                if (worker == 2) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            pool.run((worker, workers, barrier) -> runs.incrementAndGet(worker));
            assertEquals("[1, 1, 1]", runs.toString());
        } finally {
            pool.close();
        }
    }

    @Test
    void aRegionStartedInsideARegionRunsOnTheCallingThreadAlone() {
        WorkerPool pool = new WorkerPool(2);
        try {
            AtomicReference<String> inner = new AtomicReference<>();
            pool.run((worker, workers, barrier) -> {
                if (worker == 0) {
                    pool.run((w, n, b) -> inner.set(w + " of " + n));
                }
            });
            assertEquals("0 of 1", inner.get());
        } finally {
            pool.close();
        }
    }

    @Test
    void splitCoversTheRangeInAlignedNearEqualParts() {
        int n = 1000, parts = 3, align = 16;
        assertEquals(0, WorkerPool.split(n, parts, 0, align));
        int previous = 0;
        for (int part = 1; part <= parts; part++) {
            int start = WorkerPool.split(n, parts, part, align);
            if (part < parts) {
                assertEquals(0, start % align, "part " + part + " starts at a multiple of the alignment");
            }
            assertTrue(start >= previous && start - previous <= n / parts + align, "part " + (part - 1) + " is " + previous + ".." + start);
            previous = start;
        }
        assertEquals(n, previous, "the last part ends at n");
    }
}
