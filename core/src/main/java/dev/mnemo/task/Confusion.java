package dev.mnemo.task;

import java.util.List;

/**
 * A labelled confusion matrix: {@code counts[actual][predicted]} over {@code labels}.
 *
 * @param labels class names, in the order of the rows and columns
 * @param counts how many samples of each actual class were predicted as each class
 */
public record Confusion(List<String> labels, long[][] counts) {
    public Confusion {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(counts.length + " rows for " + labels.size() + " labels");
        }
    }

    /** Fraction of samples on the diagonal. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts[a].length; p++) {
                all += counts[a][p];
                right += a == p ? counts[a][p] : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** The matrix as aligned text: one row per actual class, one column per predicted class. */
    @Override
    public String toString() {
        int width = 6;
        for (String label : labels) {
            width = Math.max(width, label.length());
        }
        for (long[] row : counts) {
            for (long c : row) {
                width = Math.max(width, Long.toString(c).length());
            }
        }
        int first = "actual\\predicted".length();
        for (String label : labels) {
            first = Math.max(first, label.length());
        }
        StringBuilder text = new StringBuilder(String.format("%-" + first + "s", "actual\\predicted"));
        for (String label : labels) {
            text.append("  ").append(String.format("%" + width + "s", label));
        }
        for (int a = 0; a < counts.length; a++) {
            text.append('\n').append(String.format("%-" + first + "s", labels.get(a)));
            for (long c : counts[a]) {
                text.append("  ").append(String.format("%" + width + "d", c));
            }
        }
        return text.toString();
    }
}
