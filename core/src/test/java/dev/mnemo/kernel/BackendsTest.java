package dev.mnemo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void listsTheReferenceBackendAsAvailable() {
        assertTrue(Backends.list().stream().anyMatch(i -> i.name().equals("reference") && i.availability().available()));
    }

    @Test
    void unknownNameListsTheBackendsThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.get("cuda"));
        assertTrue(e.getMessage().contains("unknown kernel backend 'cuda'"), e.getMessage());
        assertTrue(e.getMessage().contains("reference"), e.getMessage());
    }

    @Test
    void namesAreCaseInsensitiveAndBackendsAreValidated() {
        KernelBackend b = Backends.get(" Reference ");
        assertEquals("reference", b.name());
        assertTrue(b instanceof ValidatingBackend, "every backend handed out validates its arguments");
    }

    @Test
    void getSharesOneInstancePerNameAndThreadCountAndCreateGivesAPrivateOne() {
        KernelBackend shared = Backends.get("reference");
        assertSame(shared, Backends.get(" REFERENCE "));
        shared.close(); // shared: others use it, so closing it does nothing
        try (Scope scope = Scope.open()) {
            Tensor c = scope.zeros(1, 1);
            shared.gemm(c, scope.of(new float[] {1, 1}, 1, 2), false, scope.of(new float[] {2, 2}, 2, 1), false, 1f, 0f);
            assertEquals(4f, c.get(0));
        }
        int before = Backends.threads();
        try {
            Backends.setThreads(before + 1);
            assertNotSame(shared, Backends.get("reference"), "another thread count, another instance");
        } finally {
            Backends.setThreads(before);
        }
        try (KernelBackend own = Backends.create("reference")) {
            assertNotSame(shared, own);
            assertTrue(own instanceof ValidatingBackend, "a private backend validates too");
        }
    }

    @Test
    void threadCountIsSettableAndChecked() {
        int before = Backends.threads();
        try {
            Backends.setThreads(3);
            assertEquals(3, Backends.threads());
            assertThrows(IllegalArgumentException.class, () -> Backends.setThreads(0));
        } finally {
            Backends.setThreads(before);
        }
    }

    @Test
    void systemPropertyChoosesTheDefault() {
        String old = System.getProperty("mnemo.backend");
        try {
            System.setProperty("mnemo.backend", "reference");
            Backends.setThreads(Backends.threads()); // forget the cached default
            assertEquals("reference", Backends.get().name());
            System.setProperty("mnemo.backend", "nope");
            Backends.setThreads(Backends.threads());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Backends::get);
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("mnemo.backend");
            } else {
                System.setProperty("mnemo.backend", old);
            }
            Backends.setThreads(Backends.threads());
        }
    }
}
