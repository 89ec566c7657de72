package dev.mnemo.kernels.vector.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape of this backend, chosen once when the class loads.
 *
 * <p>{@code -Dmnemo.vector.bits=512|256|128} forces a width; {@code 0} turns the Vector API off
 * so every kernel runs its scalar twin (an A/B switch and a fallback). Unset, the platform's
 * preferred shape is used (512 bits on AVX-512 machines).
 */
public final class Simd {
    /** Name of the system property that overrides the vector width. */
    public static final String BITS_PROPERTY = "mnemo.vector.bits";

    /** Vector width in bits, or 0 when the Vector API is off. */
    public static final int BITS = chooseBits();

    /** Whether kernels use the Vector API (false: their scalar twins run). */
    public static final boolean ENABLED = BITS != 0;

    /** The float species, or {@code null} when the Vector API is off. */
    public static final VectorSpecies<Float> F = ENABLED
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(BITS)) : null;

    /** Floats per vector (1 when the Vector API is off). */
    public static final int LANES = ENABLED ? F.length() : 1;

    /** Byte order of every {@link MemorySegment} access: tensors are little-endian native memory. */
    public static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private Simd() {}

    /** Largest multiple of {@link #LANES} that is at most {@code n}: where a vector loop ends and its scalar tail starts. */
    public static int loopBound(int n) {
        return n - n % LANES;
    }

    /** The same for long counts. */
    public static long loopBound(long n) {
        return n - n % LANES;
    }

    /** Human-readable description, e.g. {@code "512-bit (16 floats)"} or {@code "off (scalar)"}. */
    public static String describe() {
        return ENABLED ? BITS + "-bit (" + LANES + " floats)" : "off (scalar)";
    }

    private static int chooseBits() {
        int preferred = VectorShape.preferredShape().vectorBitSize();
        String configured = System.getProperty(BITS_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return preferred;
        }
        int bits;
        try {
            bits = Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BITS_PROPERTY + " must be 0, 128, 256 or 512, got '" + configured + "'", e);
        }
        if (bits != 0 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException(BITS_PROPERTY + " must be 0, 128, 256 or 512, got " + bits);
        }
        if (bits > preferred) {
            throw new IllegalArgumentException(BITS_PROPERTY + "=" + bits + " exceeds this CPU's widest vectors ("
                    + preferred + " bits)");
        }
        return bits;
    }
}
