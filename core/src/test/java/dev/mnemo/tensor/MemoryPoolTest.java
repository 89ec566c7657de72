package dev.mnemo.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryPoolTest {
    @Test
    void blocksAreReusedClearedAndStaleTensorsStillFail() {
        try (MemoryPool pool = new MemoryPool()) {
            Tensor stale;
            long address;
            try (Scope step = Scope.open(pool)) {
                stale = step.zeros(1024);
                stale.fill(7f);
                address = stale.segment().address();
            }
            try (Scope step = Scope.open(pool)) {
                Tensor again = step.zeros(1024);
                assertEquals(address, again.segment().address(), "the block is reused");
                assertEquals(0f, again.get(17), "reused memory is cleared");
                assertEquals(0, again.segment().address() % Scope.ALIGNMENT);
            }
            Tensor freed = stale;
            assertThrows(IllegalStateException.class, () -> freed.get(0), "a tensor of a closed scope is unusable");
        }
    }

    @Test
    void aBatchPaddedToAnotherLengthReusesTheBlockOfItsSizeClass() {
        try (MemoryPool pool = new MemoryPool()) {
            long address;
            try (Scope step = Scope.open(pool)) {
                address = step.zeros(64, 40, 40).segment().address(); // 409,600 bytes
            }
            try (Scope step = Scope.open(pool)) {
                Tensor longer = step.zeros(64, 41, 40);               // 419,840 bytes: same class
                assertEquals(address, longer.segment().address());
                assertEquals(64L * 41 * 40 * Float.BYTES, longer.segment().byteSize(), "the view has the tensor's size");
            }
        }
    }

    @Test
    void sizeClassesWasteAtMostOneEighth() {
        assertEquals(64, MemoryPool.sizeClass(1));
        assertEquals(4096, MemoryPool.sizeClass(4096));
        assertEquals(4096 + 512, MemoryPool.sizeClass(4097));
        for (long bytes = 4097; bytes < 1L << 32; bytes = bytes * 3 / 2 + 7) {
            long size = MemoryPool.sizeClass(bytes);
            assertTrue(size >= bytes && size <= bytes + bytes / 8, bytes + " -> " + size);
            assertEquals(0, size % Scope.ALIGNMENT, bytes + " -> " + size);
        }
    }

    @Test
    void idleMemoryStaysWithinThePeakOfOneStep() {
        try (MemoryPool pool = new MemoryPool()) {
            for (int step = 0; step < 200; step++) {
                try (Scope s = Scope.open(pool)) {
                    s.zeros(1000 + step % 7 * 100); // sizes vary from step to step, as padded batches do
                    s.zeros(4096);
                }
            }
            assertTrue(pool.idleBytes() <= pool.peakBytes(), pool.idleBytes() + " idle > peak " + pool.peakBytes());
        }
    }

    @Test
    void threadsAllocatingFromOnePooledScopeLoseNoBlock() throws Exception {
        try (MemoryPool pool = new MemoryPool()) {
            try (Scope step = Scope.open(pool)) {
                Thread[] threads = new Thread[4];
                for (int t = 0; t < threads.length; t++) {
                    threads[t] = new Thread(() -> {
                        for (int i = 0; i < 500; i++) {
                            step.zeros(16);
                        }
                    });
                    threads[t].start();
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            assertEquals(4 * 500 * 64L, pool.peakBytes(), "every block was counted while lent");
            assertEquals(pool.peakBytes(), pool.idleBytes(), "and every block came back");
        }
    }

    @Test
    void closingThePoolWithAnOpenScopeIsAnError() {
        MemoryPool pool = new MemoryPool();
        Scope open = Scope.open(pool);
        assertThrows(IllegalStateException.class, pool::close);
        open.close();
        pool.close();
        assertThrows(IllegalStateException.class, () -> Scope.open(pool));
    }
}
