package dev.mnemo.data;

import dev.mnemo.tensor.Tensor;

/**
 * One column of a batch stacked into a tensor.
 *
 * @param values the stacked values, batch first
 * @param lengths valid steps per sample for sequences, {@code null} for fixed-shape fields
 */
record Padded(Tensor values, int[] lengths) {}
