package dev.mnemo.train;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.data.Batch;
import dev.mnemo.tensor.Tensor;
import java.util.List;

/**
 * How a batch becomes the network's inputs. The default feeds the features (with their sequence
 * lengths); {@link #teacherForcing(int)} also feeds the targets shifted right, as an
 * encoder-decoder learns: the decoder reads the previous true token at each step.
 */
@FunctionalInterface
public interface Inputs {
    /** The network's inputs for {@code batch}, in the order the network takes them. */
    List<Variable> from(Tape tape, Batch batch);

    /** The features alone (one input). */
    static Inputs features() {
        return (tape, batch) -> List.of(tape.input(batch.features(), batch.lengths()));
    }

    /**
     * Two inputs for a sequence-to-sequence model: the source (features) and the decoder input,
     * which is the target sequence shifted right by one step with {@code startId} in front:
     * {@code [start, y_0, ..., y_{T-2}]}, with the targets' lengths (so the output is masked
     * exactly where the targets are padding).
     */
    static Inputs teacherForcing(int startId) {
        return (tape, batch) -> {
            Tensor targets = batch.targets();
            if (targets == null || targets.rank() != 2) {
                throw new IllegalArgumentException("teacher forcing needs per-step target ids [B, T], got " + targets);
            }
            int b = targets.dim(0), t = targets.dim(1);
            Tensor shifted = tape.zeros(b, t);
            for (int i = 0; i < b; i++) {
                shifted.set((long) i * t, startId);
                for (int j = 1; j < t; j++) {
                    shifted.set((long) i * t + j, targets.get((long) i * t + j - 1));
                }
            }
            return List.of(tape.input(batch.features(), batch.lengths()), tape.input(shifted, batch.targetLengths()));
        };
    }
}
