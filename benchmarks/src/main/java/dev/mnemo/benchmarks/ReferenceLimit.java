package dev.mnemo.benchmarks;

/**
 * Keeps the reference backend (plain Java, the specification) to shapes where one call takes
 * well under a second: above {@link #MAX_FLOP} floating-point operations per call a single JMH
 * iteration would hold one call or none, so the setup refuses the combination and JMH reports
 * it as failed with a message starting with "skipped" (the run goes on).
 */
final class ReferenceLimit {
    /** Largest work per call the reference backend is benchmarked with. */
    static final double MAX_FLOP = 2e9;

    private ReferenceLimit() {}

    /** Throws when {@code backend} is the reference backend and the call needs more than {@link #MAX_FLOP}. */
    static void check(String backend, double flopPerCall, String workload) {
        if (backend.equals("reference") && flopPerCall > MAX_FLOP) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "skipped: reference backend at %s (%.1f GFLOP per call, seconds per call)", workload, flopPerCall / 1e9));
        }
    }
}
