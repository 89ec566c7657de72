package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * Looks up a learned vector per token id: {@code [B, T]} ids (stored as floats) to
 * {@code [B, T, D]}, with {@code weight [V, D]} ({@code nn.Embedding} layout).
 *
 * <p>With {@code maskZero}, id 0 is padding (Keras's {@code mask_zero=True}): sequences must be
 * right-padded, and each sample's length is its number of ids before the first 0; the lengths
 * travel with the output so recurrent layers skip the padding exactly. Lengths already attached
 * to the input take precedence.
 */
public final class Embedding extends LayerBase {
    private final int vocabulary;
    private final int dimension;
    private final boolean maskZero;
    private Parameter weight;

    public Embedding(String name, int vocabulary, int dimension, boolean maskZero) {
        super(name);
        if (vocabulary < 1 || dimension < 1) {
            throw new IllegalArgumentException("Embedding: vocabulary and dimension must be >= 1, got "
                    + vocabulary + " and " + dimension);
        }
        this.vocabulary = vocabulary;
        this.dimension = dimension;
        this.maskZero = maskZero;
    }

    /** An embedding whose id 0 is padding (masked). */
    public static Embedding masked(int vocabulary, int dimension) {
        return new Embedding(null, vocabulary, dimension, true);
    }

    /** An embedding without masking. */
    public static Embedding of(int vocabulary, int dimension) {
        return new Embedding(null, vocabulary, dimension, false);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("Embedding '" + name() + "' expects ids of shape [T] per sample, got "
                    + java.util.Arrays.toString(inputShape));
        }
        weight = add(context, "weight", vocabulary, dimension);
        Init.uniform(weight.value(), context.random(), 0.05); // Keras's default for embeddings
        return new int[] {inputShape[0], dimension};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        Tensor ids = x.value();
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("Embedding '" + name() + "': ids must be [B, T], got " + ids);
        }
        int batch = ids.dim(0), steps = ids.dim(1);
        int[] index = new int[batch * steps];
        for (int i = 0; i < index.length; i++) {
            float id = ids.get(i);
            if (id != Math.rint(id) || id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException("Embedding '" + name() + "': id " + id + " at sample " + i / steps
                        + ", step " + i % steps + " is not an integer in [0, " + vocabulary + ")");
            }
            index[i] = (int) id;
        }
        int[] lengths = x.lengths() != null ? x.lengths() : maskZero ? lengthsBeforePadding(index, batch, steps) : null;
        Tensor table = weight.value();
        Tensor y = tape.zeros(batch, steps, dimension);
        long rowBytes = (long) dimension * Float.BYTES;
        for (int i = 0; i < index.length; i++) {
            MemorySegment.copy(table.segment(), index[i] * rowBytes, y.segment(), i * rowBytes, rowBytes);
        }
        Variable w = tape.parameter(weight);
        return tape.result(y, lengths, gy -> {
            Tensor gw = tape.grad(w);
            for (int i = 0; i < index.length; i++) {
                long from = (long) i * dimension, to = (long) index[i] * dimension;
                for (int j = 0; j < dimension; j++) {
                    gw.add(to + j, gy.get(from + j));
                }
            }
        }, w);
    }

    private int[] lengthsBeforePadding(int[] index, int batch, int steps) {
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            int length = 0;
            while (length < steps && index[b * steps + length] != 0) {
                length++;
            }
            for (int t = length; t < steps; t++) {
                if (index[b * steps + t] != 0) {
                    throw new IllegalArgumentException("Embedding '" + name() + "': sample " + b + " has padding id 0 at step "
                            + length + " before id " + index[b * steps + t] + " at step " + t
                            + "; with maskZero sequences must be right-padded");
                }
            }
            lengths[b] = length;
        }
        return lengths;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("vocabulary", vocabulary);
        c.put("dimension", dimension);
        c.put("maskZero", maskZero);
        return c;
    }
    /** Rebuilds an Embedding from {@link #config()}. */
    public static Embedding fromConfig(Map<String, Object> c) {
        return new Embedding(Layers.string(c, "name"), Layers.integer(c, "vocabulary"), Layers.integer(c, "dimension"),
                Layers.bool(c, "maskZero"));
    }

}
