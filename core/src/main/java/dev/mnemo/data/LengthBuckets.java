package dev.mnemo.data;

import java.util.Arrays;

/**
 * Sort-by-length bucketing (torchtext's {@code BucketIterator}): within consecutive pools of
 * {@code poolSize} samples of an epoch's order, samples are sorted by sequence length, longest
 * first, so each batch holds sequences of similar length and pads little. Randomness comes from
 * the order the pools are cut from and from shuffling the batch order afterwards.
 */
final class LengthBuckets {
    private LengthBuckets() {}

    /** {@code order} with each pool of {@code poolSize} entries stably sorted by descending {@code lengths}. */
    static int[] sortWithinPools(int[] order, int[] lengths, int poolSize) {
        int[] sorted = new int[order.length];
        for (int start = 0; start < order.length; start += poolSize) {
            int end = Math.min(order.length, start + poolSize);
            Integer[] pool = new Integer[end - start];
            for (int k = start; k < end; k++) {
                pool[k - start] = order[k];
            }
            Arrays.sort(pool, (a, b) -> Integer.compare(lengths[b], lengths[a]));
            for (int k = start; k < end; k++) {
                sorted[k] = pool[k - start];
            }
        }
        return sorted;
    }
}
