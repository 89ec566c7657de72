package dev.mnemo.train;

import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;

/** Counts of (true class, predicted class) pairs over valid rows; row = truth, column = prediction. */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a confusion matrix needs >= 2 classes, got " + classes);
        }
        counts = new long[classes][classes];
    }

    /** Adds a batch of logits/probabilities {@code [..., C]} and class-index targets. */
    public void update(Variable output, Tensor target) {
        Tensor x = output.value();
        int classes = x.dim(-1);
        boolean[] valid = Losses.validRows(output);
        boolean oneHot = target.size() == x.size();
        for (int r = 0; r < valid.length; r++) {
            if (valid[r]) {
                int truth = oneHot ? Metrics.argMax(target, (long) r * classes, classes) : (int) target.get(r);
                counts[truth][Metrics.argMax(x, (long) r * classes, classes)]++;
            }
        }
    }

    /** {@code counts[truth][predicted]}, a copy. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Recall of class {@code c}: correct / all rows whose truth is c. */
    public double recall(int c) {
        long row = 0;
        for (long n : counts[c]) {
            row += n;
        }
        return row == 0 ? 0 : (double) counts[c][c] / row;
    }

    /** Precision of class {@code c}: correct / all rows predicted as c. */
    public double precision(int c) {
        long col = 0;
        for (long[] row : counts) {
            col += row[c];
        }
        return col == 0 ? 0 : (double) counts[c][c] / col;
    }

    /** A text table, truth down, prediction across. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("truth\\pred");
        for (int j = 0; j < counts.length; j++) {
            s.append(String.format("%8d", j));
        }
        for (int i = 0; i < counts.length; i++) {
            s.append(String.format("%n%10d", i));
            for (long n : counts[i]) {
                s.append(String.format("%8d", n));
            }
        }
        return s.toString();
    }
}
