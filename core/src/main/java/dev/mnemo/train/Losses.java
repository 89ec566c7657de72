package dev.mnemo.train;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * The standard losses, each averaged over valid rows; the cross-entropies take their
 * log-probabilities from the kernel backend's {@code logSoftmax}. A row is one sample, or one step of one
 * sample when the output is a sequence {@code [B, T, ...]} with lengths: padded steps count
 * neither in the sum nor in the divisor (per-step masking for sequence outputs).
 */
public final class Losses {
    private Losses() {}

    /**
     * Cross-entropy from logits {@code [..., C]} against class indices {@code [...]} (stored as
     * floats): {@code L = -mean_r log softmax(x_r)[t_r]}. Keras's
     * {@code SparseCategoricalCrossentropy(from_logits=True)}, PyTorch's {@code cross_entropy}.
     */
    public static Loss sparseCategoricalCrossEntropy() {
        return new RowLoss("sparse_categorical_crossentropy", true) {
            @Override
            Tensor prepare(Tape tape, Tensor x, int classes) {
                return logSoftmax(tape, x, classes);
            }

            @Override
            double row(Tensor logp, long base, int classes, Tensor t, long row, Tensor gx, double scale) {
                float label = t.get(row);
                int target = (int) label;
                if (label != target || target < 0 || target >= classes) {
                    throw new IllegalArgumentException(name() + ": target " + label + " at row " + row
                            + " is not a class index in [0, " + classes + ")");
                }
                if (gx != null) {
                    for (int j = 0; j < classes; j++) {
                        gx.add(base + j, (float) (scale * (Math.exp(logp.get(base + j)) - (j == target ? 1 : 0))));
                    }
                }
                return -logp.get(base + target);
            }
        };
    }

    /**
     * Cross-entropy from logits {@code [..., C]} against one-hot or probability targets of the
     * same shape: {@code L = -mean_r Σ_j t_rj log softmax(x_r)_j}.
     */
    public static Loss categoricalCrossEntropy() {
        return new RowLoss("categorical_crossentropy", false) {
            @Override
            Tensor prepare(Tape tape, Tensor x, int classes) {
                return logSoftmax(tape, x, classes);
            }

            @Override
            double row(Tensor logp, long base, int classes, Tensor t, long row, Tensor gx, double scale) {
                double targetSum = 0, loss = 0;
                for (int j = 0; j < classes; j++) {
                    targetSum += t.get(base + j);
                }
                for (int j = 0; j < classes; j++) {
                    double tj = t.get(base + j);
                    loss -= tj * logp.get(base + j);
                    if (gx != null) {
                        gx.add(base + j, (float) (scale * (targetSum * Math.exp(logp.get(base + j)) - tj)));
                    }
                }
                return loss;
            }
        };
    }

    /**
     * Binary cross-entropy from logits against targets in [0, 1] of the same shape, averaged over
     * every element of the valid rows, computed stably as
     * {@code max(x, 0) - x t + log(1 + e^{-|x|})} (PyTorch's {@code BCEWithLogitsLoss}).
     */
    public static Loss binaryCrossEntropy() {
        return new RowLoss("binary_crossentropy", false) {
            @Override
            double row(Tensor x, long base, int width, Tensor t, long row, Tensor gx, double scale) {
                double loss = 0;
                for (int j = 0; j < width; j++) {
                    double xj = x.get(base + j), tj = t.get(base + j);
                    loss += Math.max(xj, 0) - xj * tj + Math.log1p(Math.exp(-Math.abs(xj)));
                    if (gx != null) {
                        gx.add(base + j, (float) (scale / width * (1 / (1 + Math.exp(-xj)) - tj)));
                    }
                }
                return loss / width;
            }
        };
    }

    /** Mean squared error over every element of the valid rows. */
    public static Loss meanSquaredError() {
        return new RowLoss("mean_squared_error", false) {
            @Override
            double row(Tensor x, long base, int width, Tensor t, long row, Tensor gx, double scale) {
                double loss = 0;
                for (int j = 0; j < width; j++) {
                    double d = x.get(base + j) - t.get(base + j);
                    loss += d * d;
                    if (gx != null) {
                        gx.add(base + j, (float) (scale / width * 2 * d));
                    }
                }
                return loss / width;
            }
        };
    }

    /** Mean absolute error (L1) over every element of the valid rows; the gradient at 0 is 0. */
    public static Loss meanAbsoluteError() {
        return new RowLoss("mean_absolute_error", false) {
            @Override
            double row(Tensor x, long base, int width, Tensor t, long row, Tensor gx, double scale) {
                double loss = 0;
                for (int j = 0; j < width; j++) {
                    double d = x.get(base + j) - t.get(base + j);
                    loss += Math.abs(d);
                    if (gx != null) {
                        gx.add(base + j, (float) (scale / width * Math.signum(d)));
                    }
                }
                return loss / width;
            }
        };
    }

    /** {@code log softmax} of the rows of {@code x [..., C]}, computed by the tape's kernel backend. */
    private static Tensor logSoftmax(Tape tape, Tensor x, int classes) {
        Tensor logp = tape.zeros(x.shape());
        int rows = (int) (x.size() / Math.max(1, classes));
        tape.kernels().logSoftmax(logp.view(rows, classes), x.view(rows, classes));
        return logp;
    }

    /**
     * A loss that is a mean of per-row terms over the last axis. Rows of padded steps are skipped.
     * Subclasses compute one row's loss from the output (or what {@link #prepare} made of it, such
     * as log-probabilities) and, when {@code gx} is given, add {@code scale · ∂row/∂x}.
     */
    private abstract static class RowLoss implements Loss {
        private final String name;
        private final boolean indexTargets;

        RowLoss(String name, boolean indexTargets) {
            this.name = name;
            this.indexTargets = indexTargets;
        }

        /** What {@link #row} reads: the output itself unless a loss needs it transformed first. */
        Tensor prepare(Tape tape, Tensor x, int width) {
            return x;
        }

        abstract double row(Tensor v, long base, int width, Tensor t, long row, Tensor gx, double scale);

        @Override
        public String name() {
            return name;
        }

        @Override
        public Variable compute(Tape tape, Variable output, Tensor target) {
            Tensor x = output.value();
            int[] xs = x.shape();
            int width = xs[xs.length - 1];
            int[] expected = indexTargets ? Arrays.copyOf(xs, xs.length - 1) : xs;
            if (!target.hasShape(expected)) {
                throw new IllegalArgumentException(name + ": target must be " + Arrays.toString(expected)
                        + (indexTargets ? " (class indices for output " : " (same as output ")
                        + Arrays.toString(xs) + ") but is " + Arrays.toString(target.shape()));
            }
            Tensor v = prepare(tape, x, width);
            boolean[] valid = validRows(output);
            int count = 0;
            for (boolean isValid : valid) {
                count += isValid ? 1 : 0;
            }
            double total = 0;
            for (int r = 0; r < valid.length; r++) {
                if (valid[r]) {
                    total += row(v, (long) r * width, width, target, r, null, 0);
                }
            }
            Tensor value = tape.zeros(1);
            value.set(0, count == 0 ? 0f : (float) (total / count));
            int n = count;
            return tape.result(value, null, g -> {
                Tensor gx = tape.grad(output);
                double scale = n == 0 ? 0 : g.get(0) / (double) n;
                for (int r = 0; r < valid.length; r++) {
                    if (valid[r]) {
                        row(v, (long) r * width, width, target, r, gx, scale);
                    }
                }
            }, output);
        }
    }

    /** Which rows (flattened leading axes) count: all, or for {@code [B, T, F]} with lengths the valid steps. */
    static boolean[] validRows(Variable output) {
        int[] s = output.shape();
        int rows = (int) (output.value().size() / s[s.length - 1]);
        boolean[] valid = new boolean[rows];
        int[] lengths = output.lengths();
        if (lengths == null || s.length != 3) {
            Arrays.fill(valid, true);
            return valid;
        }
        int steps = s[1];
        for (int b = 0; b < s[0]; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                valid[b * steps + t] = true;
            }
        }
        return valid;
    }
}
