package dev.mnemo.kernel;

import java.util.Arrays;

/**
 * How a recurrent op walks a padded, time-major batch.
 *
 * <p>{@code lengths[b]} is the number of valid steps of sample {@code b} (0 to T); steps
 * {@code t >= lengths[b]} are padding: they do not change the state, their outputs are 0, and
 * they receive no gradient. {@code null} means every sample has T steps. With
 * {@code reverse}, each sample is read from its last valid step back to step 0 (the backward
 * half of a bidirectional layer); outputs stay at the time index of the input they came from.
 * These are exactly the semantics of a PyTorch {@code PackedSequence}.
 *
 * @param lengths valid steps per sample, or {@code null} for all T
 * @param reverse whether to process each sequence from its end to its start
 */
public record SeqOptions(int[] lengths, boolean reverse) {
    /** All samples full length, forward in time. */
    public static final SeqOptions FORWARD = new SeqOptions(null, false);

    public SeqOptions {
        lengths = lengths == null ? null : lengths.clone();
    }

    /** Forward in time with per-sample lengths. */
    public static SeqOptions lengths(int... lengths) {
        return new SeqOptions(lengths, false);
    }

    /** Same lengths, walked in the opposite direction. */
    public SeqOptions reversed() {
        return new SeqOptions(lengths, !reverse);
    }

    /** Valid steps of sample {@code b} in a sequence of {@code steps} steps. */
    public int length(int b, int steps) {
        return lengths == null ? steps : lengths[b];
    }

    /** The time index of the {@code k}-th processed step of a sample with {@code length} valid steps. */
    public int timeIndex(int k, int length) {
        return reverse ? length - 1 - k : k;
    }

    @Override
    public int[] lengths() {
        return lengths == null ? null : lengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeqOptions s && s.reverse == reverse && Arrays.equals(s.lengths, lengths);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lengths) + Boolean.hashCode(reverse);
    }

    @Override
    public String toString() {
        return "SeqOptions[lengths=" + Arrays.toString(lengths) + ", reverse=" + reverse + "]";
    }
}
