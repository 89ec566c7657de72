package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernel.SeqOptions;

/**
 * The walk of a padded, time-major batch ({@link SeqOptions}): sample b has {@code length(b)}
 * valid steps; its k-th processed step reads time index {@code time(k, b)} (k forward, or
 * from its last valid step back when reversed). Padded steps leave the state alone.
 */
record Sequence(int steps, int batch, int[] lengths, boolean reverse) {

    static Sequence of(SeqOptions seq, int steps, int batch) {
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = seq.length(b, steps);
        }
        return new Sequence(steps, batch, lengths, seq.reverse());
    }

    /** Whether sample b takes part in processed step k. */
    boolean active(int k, int b) {
        return k < lengths[b];
    }

    /** Time index of sample b's k-th processed step. */
    int time(int k, int b) {
        return reverse ? lengths[b] - 1 - k : k;
    }

    /** Row of {@code [T·B, ·]} tensors for sample b at processed step k. */
    long row(int k, int b) {
        return (long) time(k, b) * batch + b;
    }

    /** Whether any sample is shorter than T (then padded outputs must be zeroed). */
    boolean padded() {
        for (int length : lengths) {
            if (length < steps) {
                return true;
            }
        }
        return false;
    }
}
