package dev.mnemo.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void allocatesZeroedAlignedMemoryAndViewsShareIt() {
        try (Scope scope = Scope.open()) {
            Tensor t = scope.zeros(2, 3, 4);
            assertEquals(24, t.size());
            assertEquals(0, t.segment().address() % Scope.ALIGNMENT, "64-byte aligned");
            for (long i = 0; i < t.size(); i++) {
                assertEquals(0f, t.get(i));
                t.set(i, i);
            }
            Tensor row = t.slice(1);
            assertArrayEquals(new int[] {3, 4}, row.shape());
            assertEquals(12f, row.get(0));
            row.set(0, -1f);
            assertEquals(-1f, t.get(12), "slice shares memory");
            assertEquals(16f, t.narrow(1, 1).view(3, 4).get(4));
            assertArrayEquals(new int[] {6, 4}, t.view(6, 4).shape());
            assertEquals(4, t.dim(-1));
        }
    }

    @Test
    void badShapesAreRejectedWithTheShapeInTheMessage() {
        try (Scope scope = Scope.open()) {
            Tensor t = scope.zeros(2, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.view(4, 2));
            assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 2]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> scope.of(new float[5], 2, 3));
            assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("[2, 3]"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> t.narrow(1, 2));
            assertThrows(IllegalArgumentException.class, () -> t.dim(2));
            assertThrows(IllegalArgumentException.class, () -> scope.zeros(3, -2));
        }
    }

    @Test
    void closingTheScopeFreesItsTensors() {
        Tensor t;
        try (Scope scope = Scope.open()) {
            t = scope.zeros(8);
        }
        Tensor freed = t;
        assertThrows(IllegalStateException.class, () -> freed.get(0), "use after close fails, never reads freed memory");
    }
}
