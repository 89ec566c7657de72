package dev.mnemo.data;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;

/**
 * {@code B} samples stacked into tensors that live in the scope passed to
 * {@link Epoch#next(Scope)}: closing that scope frees them.
 *
 * <p>Shapes (see {@link Field}): fixed-shape features {@code [B, ...shape]}; id sequences
 * {@code [B, T]}; frame sequences {@code [B, T, F]}, where {@code T} is the longest sequence in
 * THIS batch and shorter ones are right-padded with 0. Targets likewise: class indices
 * {@code [B]}, vectors {@code [B, K]}, per-step targets {@code [B, T'] or [B, T', F']} with their
 * own {@code T'}.
 *
 * @param features the stacked features
 * @param lengths valid steps of each sample's feature sequence, {@code null} for fixed-shape features
 * @param targets the stacked targets, {@code null} for unlabeled samples
 * @param targetLengths valid steps of each per-step target sequence, {@code null} otherwise
 * @param indices where each sample came from: its dataset index, or its position in a stream
 */
public record Batch(Tensor features, int[] lengths, Tensor targets, int[] targetLengths, long[] indices) {
    public Batch {
        lengths = lengths == null ? null : lengths.clone();
        targetLengths = targetLengths == null ? null : targetLengths.clone();
        indices = indices.clone();
    }

    /** Number of samples {@code B}. */
    public int size() {
        return indices.length;
    }

    /** Whether the features are sequences (and {@link #lengths()} is set). */
    public boolean isSequence() {
        return lengths != null;
    }

    /** Whether the batch has targets. */
    public boolean isLabeled() {
        return targets != null;
    }

    @Override
    public int[] lengths() {
        return lengths == null ? null : lengths.clone();
    }

    @Override
    public int[] targetLengths() {
        return targetLengths == null ? null : targetLengths.clone();
    }

    @Override
    public long[] indices() {
        return indices.clone();
    }

    /**
     * The feature mask {@code [B, T]}: 1 where step {@code t < lengths[b]}, 0 on padding.
     *
     * @param scope where to allocate the mask
     * @throws IllegalStateException if the features are not sequences
     */
    public Tensor mask(Scope scope) {
        if (lengths == null) {
            throw new IllegalStateException("mask: the features of this batch are not sequences");
        }
        return mask(scope, lengths, features.dim(1));
    }

    /**
     * The target mask {@code [B, T']} for per-step targets (e.g. to average a loss over valid
     * steps only): 1 where {@code t < targetLengths[b]}, 0 on padding.
     *
     * @param scope where to allocate the mask
     * @throws IllegalStateException if the targets are not sequences
     */
    public Tensor targetMask(Scope scope) {
        if (targetLengths == null) {
            throw new IllegalStateException("targetMask: the targets of this batch are not sequences");
        }
        return mask(scope, targetLengths, targets.dim(1));
    }

    private static Tensor mask(Scope scope, int[] lengths, int steps) {
        Tensor mask = scope.zeros(lengths.length, steps);
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask.set((long) b * steps + t, 1f);
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return "Batch[B=" + indices.length + ", features=" + features + (targets == null ? "" : ", targets=" + targets)
                + "]";
    }
}
