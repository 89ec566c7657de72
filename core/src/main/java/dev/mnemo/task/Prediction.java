package dev.mnemo.task;

import dev.mnemo.kernel.Backends;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A task's answer for one input, as the {@code mnemo} command writes it: for a classifier the
 * chosen label, its probability and the best labels in order
 * ({@code {input, label, probability, top: [{label, probability}]}}); for a task that turns an
 * input into a file (a denoised image) the file written ({@code {input, output}}).
 *
 * @param input       the input as given (a text, a file name)
 * @param label       the most probable label, or null when the answer is a file
 * @param probability its probability in [0, 1], or NaN when there is no label
 * @param top         the most probable labels, best first, starting with {@code label}; empty when there is no label
 * @param output      the file this prediction wrote, or null
 */
public record Prediction(String input, String label, double probability, List<Scored> top, Path output) {
    public Prediction {
        top = List.copyOf(top);
        if (label == null && output == null) {
            throw new IllegalArgumentException("a prediction needs a label or an output file");
        }
    }

    /** A classifier's answer. */
    public Prediction(String input, String label, double probability, List<Scored> top) {
        this(input, label, probability, top, null);
    }

    /** The answer of a task that wrote {@code output} for {@code input}. */
    public static Prediction written(String input, Path output) {
        return new Prediction(input, null, Double.NaN, List.of(), output);
    }

    /** A label with its probability. */
    public record Scored(String label, double probability) {}

    /**
     * The prediction for class {@code logits} over {@code labels}: probabilities by the softmax
     * {@code p_i = exp(z_i - max z) / sum_j exp(z_j - max z)} of the default kernel backend
     * ({@link Backends#get()}), then as {@link #of}.
     */
    public static Prediction fromLogits(String input, List<String> labels, float[] logits, int keep) {
        return fromLogits(List.of(input), labels, new float[][] {logits}, keep).getFirst();
    }

    /** As {@link #fromLogits(String, List, float[], int)} for a batch: one softmax call for all rows. */
    public static List<Prediction> fromLogits(List<String> inputs, List<String> labels, float[][] logits, int keep) {
        int rows = logits.length, classes = labels.size();
        if (inputs.size() != rows) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + rows + " rows of logits");
        }
        try (Scope scope = Scope.open()) {
            Tensor z = scope.zeros(rows, classes), p = scope.zeros(rows, classes);
            for (int r = 0; r < rows; r++) {
                if (logits[r].length != classes) {
                    throw new IllegalArgumentException("row " + r + " has " + logits[r].length + " logits for " + classes + " labels");
                }
                z.narrow(r, 1).copyFrom(logits[r]);
            }
            Backends.get().softmax(p, z);
            float[] all = p.toArray();
            List<Prediction> predictions = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                predictions.add(of(inputs.get(r), labels, Arrays.copyOfRange(all, r * classes, (r + 1) * classes), keep));
            }
            return predictions;
        }
    }

    /**
     * The prediction for {@code probabilities} over {@code labels} (same order), keeping the
     * best {@code keep}; ties go to the earlier label.
     */
    public static Prediction of(String input, List<String> labels, float[] probabilities, int keep) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + labels.size() + " labels");
        }
        Integer[] order = new Integer[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
        List<Scored> top = Arrays.stream(order).limit(Math.max(1, keep))
                .map(i -> new Scored(labels.get(i), probabilities[i])).toList();
        return new Prediction(input, top.getFirst().label(), top.getFirst().probability(), top);
    }
}
