package dev.mnemo.data;

import java.util.SplittableRandom;

/**
 * Seeded permutations. The generator is {@link SplittableRandom}, whose algorithm the JDK
 * specifies, so a seed gives the same order on every JVM, run after run.
 */
final class Permutations {
    private Permutations() {}

    /** The integers {@code 0..n-1}, shuffled (Fisher–Yates) by a generator seeded with {@code seed}. */
    static int[] random(int n, long seed) {
        int[] order = identity(n);
        shuffle(order, new SplittableRandom(seed));
        return order;
    }

    /** Shuffles {@code values} in place (Fisher–Yates). */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** {@code 0..n-1} in order. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * The seed for epoch {@code epoch} of a run seeded with {@code seed}: every epoch gets an
     * unrelated stream (the SplitMix64 finalizer of the pair), yet the same pair always gives the
     * same seed.
     */
    static long forEpoch(long seed, int epoch) {
        return mix(seed ^ mix(0x9E3779B97F4A7C15L * (epoch + 1L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
