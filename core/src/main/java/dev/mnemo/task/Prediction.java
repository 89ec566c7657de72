package dev.mnemo.task;

import dev.mnemo.kernel.Backends;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A task's answer for one input: the chosen label, its probability, and the best labels in order
 * (at most five), as the {@code mnemo} command writes them
 * ({@code {input, label, probability, top: [{label, probability}]}}).
 *
 * @param input       the input as given (a text, a file name)
 * @param label       the most probable label
 * @param probability its probability in [0, 1]
 * @param top         the most probable labels, best first, starting with {@code label}
 */
public record Prediction(String input, String label, double probability, List<Scored> top) {
    public Prediction {
        top = List.copyOf(top);
    }

    /** A label with its probability. */
    public record Scored(String label, double probability) {}

    /**
     * The prediction for class {@code logits} over {@code labels}: probabilities by the softmax
     * {@code p_i = exp(z_i - max z) / sum_j exp(z_j - max z)} of the default kernel backend
     * ({@link Backends#get()}), then as {@link #of}.
     */
    public static Prediction fromLogits(String input, List<String> labels, float[] logits, int keep) {
        try (Scope scope = Scope.open()) {
            Tensor probabilities = scope.zeros(1, logits.length);
            Backends.get().softmax(probabilities, scope.of(logits.clone(), 1, logits.length));
            return of(input, labels, probabilities.toArray(), keep);
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
