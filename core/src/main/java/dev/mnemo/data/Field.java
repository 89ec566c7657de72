package dev.mnemo.data;

import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * One half of a {@link Sample}: its features or its target.
 *
 * <p>Four kinds, and how a {@link DataLoader} stacks {@code B} of them into one tensor:
 * <table>
 *   <caption>Field kinds and their batched shapes</caption>
 *   <tr><th>kind</th><th>one sample</th><th>batch tensor</th><th>lengths</th></tr>
 *   <tr><td>{@link Dense}</td><td>fixed shape, e.g. image {@code [C, H, W]}, vector {@code [F]}</td>
 *       <td>{@code [B, ...shape]}</td><td>none</td></tr>
 *   <tr><td>{@link Label}</td><td>one class index</td><td>{@code [B]}, the index as a float</td>
 *       <td>none</td></tr>
 *   <tr><td>{@link Ids}</td><td>{@code T} token ids (or per-step class indices)</td>
 *       <td>{@code [B, Tmax]}, ids as floats</td><td>{@code T} of each sample</td></tr>
 *   <tr><td>{@link Frames}</td><td>{@code T} frames of {@code F} floats</td>
 *       <td>{@code [B, Tmax, F]}</td><td>{@code T} of each sample</td></tr>
 * </table>
 *
 * <p>Sequences ({@code Ids}, {@code Frames}) are right-padded with 0 to the longest sequence in
 * their batch ({@code Tmax}), batch-first. Token id 0 is reserved for padding, so feature ids
 * start at 1 (an {@code Embedding} that masks padding treats id 0 as "no token"); per-step
 * targets may use class 0, because the target lengths, not the value, mark their padding.
 *
 * <p>Arrays are held, not copied (datasets are large): do not change them after building a field.
 */
public sealed interface Field {
    /** Largest integer a float32 represents exactly: ids and class indices must stay below it. */
    int MAX_EXACT_INDEX = 1 << 24;

    /** Number of time steps of a sequence; 0 for fixed-shape fields. */
    int steps();

    /** A fixed-shape array, row-major: {@code values.length} must equal the product of {@code shape}. */
    static Dense dense(float[] values, int... shape) {
        return new Dense(values, shape);
    }

    /** A vector {@code [values.length]}: a feature vector, or a regression / multi-label / one-hot target. */
    static Dense vector(float... values) {
        if (values == null) {
            throw new IllegalArgumentException("Field.vector: values must not be null");
        }
        return new Dense(values, new int[] {values.length});
    }

    /** A class index ({@code >= 0}). */
    static Label label(int classIndex) {
        return new Label(classIndex);
    }

    /** A sequence of token ids (or, as a target, of per-step class indices). */
    static Ids ids(int... ids) {
        return new Ids(ids);
    }

    /** A sequence of {@code frames.length} frames, each of the same width {@code F}. */
    static Frames frames(float[][] frames) {
        return new Frames(frames);
    }

    /**
     * A fixed-shape array.
     *
     * @param values the elements, row-major
     * @param shape the shape of one sample, without the batch axis
     */
    record Dense(float[] values, int[] shape) implements Field {
        public Dense {
            if (values == null || shape == null) {
                throw new IllegalArgumentException("Field.dense: values and shape must not be null");
            }
            shape = shape.clone();
            if (values.length != Tensor.sizeOf(shape)) {
                throw new IllegalArgumentException("Field.dense: " + values.length + " values do not fill shape "
                        + Arrays.toString(shape) + " (" + Tensor.sizeOf(shape) + " elements)");
            }
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public int steps() {
            return 0;
        }

        @Override
        public String toString() {
            return "Dense" + Arrays.toString(shape);
        }
    }

    /**
     * A class index.
     *
     * @param index the class, {@code 0 <= index < 2^24} (so that it is exact as a float)
     */
    record Label(int index) implements Field {
        public Label {
            if (index < 0 || index >= MAX_EXACT_INDEX) {
                throw new IllegalArgumentException("Field.label: class index " + index + " is outside [0, 2^24)");
            }
        }

        @Override
        public int steps() {
            return 0;
        }
    }

    /**
     * A sequence of integer ids.
     *
     * @param ids one id per step, at least one step, each in {@code [0, 2^24)}
     */
    record Ids(int[] ids) implements Field {
        public Ids {
            if (ids == null || ids.length == 0) {
                throw new IllegalArgumentException("Field.ids: a sequence needs at least one step");
            }
            for (int t = 0; t < ids.length; t++) {
                if (ids[t] < 0 || ids[t] >= MAX_EXACT_INDEX) {
                    throw new IllegalArgumentException("Field.ids: id " + ids[t] + " at step " + t
                            + " is outside [0, 2^24)");
                }
            }
        }

        @Override
        public int steps() {
            return ids.length;
        }

        @Override
        public String toString() {
            return "Ids[T=" + ids.length + "]";
        }
    }

    /**
     * A sequence of frames.
     *
     * @param frames {@code [T][F]}: at least one step, every frame of the same width {@code F >= 1}
     */
    record Frames(float[][] frames) implements Field {
        public Frames {
            if (frames == null || frames.length == 0) {
                throw new IllegalArgumentException("Field.frames: a sequence needs at least one step");
            }
            if (frames[0] == null || frames[0].length == 0) {
                throw new IllegalArgumentException("Field.frames: frames need a width of at least 1");
            }
            for (int t = 0; t < frames.length; t++) {
                if (frames[t] == null || frames[t].length != frames[0].length) {
                    throw new IllegalArgumentException("Field.frames: frame " + t + " has width "
                            + (frames[t] == null ? "null" : frames[t].length) + " but frame 0 has width "
                            + frames[0].length);
                }
            }
        }

        /** Width {@code F} of every frame. */
        public int width() {
            return frames[0].length;
        }

        @Override
        public int steps() {
            return frames.length;
        }

        @Override
        public String toString() {
            return "Frames[T=" + frames.length + ", F=" + width() + "]";
        }
    }
}
