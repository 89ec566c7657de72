package dev.mnemo.kernels.vector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelConformanceSuite;
import dev.mnemo.kernels.vector.simd.Simd;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.BeforeAll;

/**
 * Core's conformance suite on the vector backend, run at the CPU's width, at 256 bits and with the
 * Vector API off (the pom's executions), so the AVX2 and scalar paths are tested on an AVX-512
 * machine too. A width wider than the CPU's vectors is skipped: the Vector API would emulate it,
 * slowly, and no user of that CPU gets it.
 */
class VectorConformanceTest extends KernelConformanceSuite {
    @BeforeAll
    static void requireAWidthThisCpuHas() {
        String bits = System.getProperty(Simd.BITS_PROPERTY);
        int widest = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assumeTrue(bits == null || Integer.parseInt(bits.trim()) <= widest,
                "this CPU's vectors have " + widest + " bits; the " + bits + "-bit run is skipped here");
    }

    @Override
    protected KernelBackend backend() {
        return Backends.get("vector");
    }
}
