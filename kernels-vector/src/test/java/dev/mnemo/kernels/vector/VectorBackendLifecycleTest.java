package dev.mnemo.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The vector backend's worker threads live as long as the backend: close ends them, and Backends shares one pool. */
class VectorBackendLifecycleTest {

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mnemo-vector-") && t.isAlive())
                .count();
    }

    private static void multiply(KernelBackend backend) {
        try (Scope scope = Scope.open()) {
            Tensor c = scope.zeros(64, 64);
            Tensor a = scope.zeros(64, 64);
            a.fill(1f);
            backend.gemm(c, a, false, a, false, 1f, 0f);
            assertEquals(64f, c.get(0));
        }
    }

    @Test
    void closeEndsTheWorkerThreadsAndLaterRegionsFail() {
        long before = liveWorkers();
        VectorBackend backend = new VectorBackend(3);
        multiply(backend);
        assertEquals(before + 2, liveWorkers(), "3 threads: the caller and 2 workers");

        backend.close();
        backend.close(); // idempotent

        assertEquals(before, liveWorkers());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> multiply(backend));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void backendsSharesOnePoolAndCreateGivesAPrivateOne() {
        KernelBackend shared = Backends.get("vector");
        assertSame(shared, Backends.get("vector"));
        long before = liveWorkers();
        try (KernelBackend own = Backends.create("vector")) {
            multiply(own);
            assertEquals(before + own.threads() - 1, liveWorkers());
        }
        assertEquals(before, liveWorkers());
        shared.close(); // shared: nothing happens
        multiply(shared);
    }
}
