package dev.mnemo.train;

import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;

/** Standard metrics for classification outputs (logits or probabilities {@code [..., C]}). */
public final class Metrics {
    private Metrics() {}

    /**
     * Fraction of rows whose highest-scoring class equals the target. Targets are class indices
     * {@code [...]}; with one-hot targets {@code [..., C]} the target class is their arg-max. A
     * single-output binary classifier ({@code C = 1}, logits) predicts 1 when its logit is > 0.
     */
    public static Metric accuracy() {
        return topK(1, "accuracy");
    }

    /** Fraction of rows whose target is among the {@code k} highest-scoring classes. */
    public static Metric topK(int k) {
        return topK(k, "top_" + k + "_accuracy");
    }

    private static Metric topK(int k, String name) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k accuracy needs k >= 1, got " + k);
        }
        return new Metric() {
            private long correct;
            private long total;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void update(Variable output, Tensor target) {
                Tensor x = output.value();
                int classes = x.dim(-1);
                boolean[] valid = Losses.validRows(output);
                boolean oneHot = target.size() == x.size() && classes > 1;
                for (int r = 0; r < valid.length; r++) {
                    if (!valid[r]) {
                        continue;
                    }
                    long base = (long) r * classes;
                    int label = oneHot ? argMax(target, base, classes) : (int) target.get(r);
                    boolean hit;
                    if (classes == 1) {
                        hit = (x.get(base) > 0f ? 1 : 0) == Math.round(target.get(r));
                    } else {
                        int better = 0;
                        float score = x.get(base + label);
                        for (int j = 0; j < classes; j++) {
                            float s = x.get(base + j);
                            if (s > score || (s == score && j < label)) {
                                better++;
                            }
                        }
                        hit = better < k;
                    }
                    correct += hit ? 1 : 0;
                    total++;
                }
            }

            @Override
            public double result() {
                return total == 0 ? 0 : (double) correct / total;
            }

            @Override
            public void reset() {
                correct = 0;
                total = 0;
            }
        };
    }

    static int argMax(Tensor t, long base, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (t.get(base + j) > t.get(base + best)) {
                best = j;
            }
        }
        return best;
    }
}
