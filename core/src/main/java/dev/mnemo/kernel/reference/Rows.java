package dev.mnemo.kernel.reference;

import dev.mnemo.tensor.Tensor;

/** Copies between tensors and heap vectors: the reference kernels work on one row at a time. */
final class Rows {
    private Rows() {}

    /** Row {@code index} (of length {@code n}) of {@code t}, or zeros when {@code t} is null. */
    static float[] read(Tensor t, long index, int n) {
        float[] row = new float[n];
        if (t != null) {
            long base = index * n;
            for (int j = 0; j < n; j++) {
                row[j] = t.get(base + j);
            }
        }
        return row;
    }

    /** Writes {@code row} as row {@code index} of {@code t} (skipped when {@code t} is null). */
    static void write(Tensor t, long index, float[] row) {
        if (t != null) {
            long base = index * row.length;
            for (int j = 0; j < row.length; j++) {
                t.set(base + j, row[j]);
            }
        }
    }

    /** Adds {@code row} into row {@code index} of {@code t} (skipped when {@code t} is null). */
    static void accumulate(Tensor t, long index, float[] row) {
        if (t != null) {
            long base = index * row.length;
            for (int j = 0; j < row.length; j++) {
                t.add(base + j, row[j]);
            }
        }
    }

    /** Adds {@code v} into the whole of a 1-D tensor {@code t} (skipped when {@code t} is null). */
    static void accumulate(Tensor t, float[] v) {
        accumulate(t, 0, v);
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    static float tanh(float x) {
        return (float) Math.tanh(x);
    }
}
