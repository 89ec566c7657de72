package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * Argument checks that name the operation, the argument, the symbolic shape and both the
 * expected and actual sizes, e.g.
 * {@code lstmForward: h0 must be [B, H] = [4, 32] but is [4, 31]}.
 */
final class ShapeCheck {
    private final String op;

    ShapeCheck(String op) {
        this.op = op;
    }

    /** Requires {@code t} (non-null) to have exactly {@code dims}, described by {@code symbols}. */
    void shape(String name, Tensor t, String symbols, int... dims) {
        if (t == null) {
            throw fail(name + " must be " + symbols + " = " + Arrays.toString(dims) + " but is null");
        }
        if (!t.hasShape(dims)) {
            throw fail(name + " must be " + symbols + " = " + Arrays.toString(dims) + " but is "
                    + Arrays.toString(t.shape()));
        }
    }

    /** Like {@link #shape} but {@code null} is allowed. */
    void optional(String name, Tensor t, String symbols, int... dims) {
        if (t != null) {
            shape(name, t, symbols, dims);
        }
    }

    /** Requires {@code t} to be non-null with the given rank; returns it. */
    Tensor rank(String name, Tensor t, String symbols, int rank) {
        if (t == null) {
            throw fail(name + " must be " + symbols + " but is null");
        }
        if (t.rank() != rank) {
            throw fail(name + " must be " + symbols + " (rank " + rank + ") but is " + Arrays.toString(t.shape()));
        }
        return t;
    }

    /** Requires two tensors to have the same shape. */
    void same(String nameA, Tensor a, String nameB, Tensor b) {
        if (a == null || b == null) {
            throw fail(nameA + " and " + nameB + " must not be null");
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw fail(nameA + " " + Arrays.toString(a.shape()) + " and " + nameB + " "
                    + Arrays.toString(b.shape()) + " must have the same shape");
        }
    }

    /** Requires a condition, with a message. */
    void require(boolean ok, String message) {
        if (!ok) {
            throw fail(message);
        }
    }

    /** Requires every length in [0, steps] and one per sample. */
    void lengths(SeqOptions seq, int steps, int batch) {
        if (seq == null) {
            throw fail("seq must not be null (use SeqOptions.FORWARD)");
        }
        int[] lengths = seq.lengths();
        if (lengths == null) {
            return;
        }
        if (lengths.length != batch) {
            throw fail("lengths has " + lengths.length + " entries but the batch has B = " + batch + " samples");
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 0 || lengths[b] > steps) {
                throw fail("lengths[" + b + "] = " + lengths[b] + " is outside [0, T = " + steps + "]");
            }
        }
    }

    IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(op + ": " + message);
    }
}
