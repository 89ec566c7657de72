package dev.mnemo.kernel.reference;

import dev.mnemo.kernel.Availability;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelProvider;

/** Registers the reference backend: always available, lowest priority (0). */
public final class ReferenceProvider implements KernelProvider {
    @Override
    public String name() {
        return ReferenceBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public KernelBackend create(int threads) {
        return new ReferenceBackend();
    }
}
