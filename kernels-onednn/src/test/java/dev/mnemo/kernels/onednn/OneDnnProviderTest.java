package dev.mnemo.kernels.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.Availability;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelProvider;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Registration, lazy loading, and a clear reason instead of a crash when natives cannot load. */
class OneDnnProviderTest {

    @Test
    void isRegisteredAsOnednnWithPriority30AndAvailableHere() {
        KernelProvider p = ServiceLoader.load(KernelProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(k -> k.name().equals("onednn")).findFirst().orElseThrow();
        assertEquals(30, p.priority());
        assertTrue(p.availability().available(), p.availability().reason());
        assertTrue(Backends.list().stream().anyMatch(i -> i.name().equals("onednn") && i.availability().available()));
        assertEquals("onednn", Backends.get("onednn").name());
    }

    @Test
    void loadsNothingUntilAskedAndOnlyOnce() {
        AtomicInteger loads = new AtomicInteger();
        OneDnnProvider p = new OneDnnProvider(loads::incrementAndGet);
        assertEquals("onednn", p.name());
        assertEquals(0, loads.get(), "constructing the provider must not load natives");
        p.availability();
        p.availability();
        assertEquals(1, loads.get());
    }

    @Test
    void anyLoadingFailureBecomesAReasonNotACrash() {
        OneDnnProvider p = new OneDnnProvider(() -> {
            throw new ExceptionInInitializerError(new UnsatisfiedLinkError("no jnidnnl in java.library.path"));
        });
        Availability a = p.availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("no jnidnnl in java.library.path"), a.reason());
        assertTrue(a.reason().contains("org.bytedeco:dnnl"), "the reason says which jars to add: " + a.reason());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.create(2));
        assertTrue(e.getMessage().contains("not available here"), e.getMessage());
    }
}
