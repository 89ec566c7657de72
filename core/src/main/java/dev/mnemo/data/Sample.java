package dev.mnemo.data;

/**
 * One example: features and, for training and evaluation, a target.
 *
 * <pre>{@code
 * Sample.of(Field.dense(pixels, 1, 28, 28), Field.label(7));     // image classification
 * Sample.of(Field.ids(12, 5, 873), Field.label(1));             // text classification
 * Sample.of(Field.frames(mfcc), Field.ids(3, 9, 4));             // speech to characters
 * Sample.unlabeled(Field.vector(0.3f, 1.2f));                    // input for predict
 * }</pre>
 *
 * @param features the model's input
 * @param target what the model should output, or {@code null} for an unlabeled sample
 */
public record Sample(Field features, Field target) {
    public Sample {
        if (features == null) {
            throw new IllegalArgumentException("Sample: features must not be null");
        }
    }

    /** A labeled sample. */
    public static Sample of(Field features, Field target) {
        if (target == null) {
            throw new IllegalArgumentException("Sample.of: target must not be null (use Sample.unlabeled)");
        }
        return new Sample(features, target);
    }

    /** A sample without target, for prediction. */
    public static Sample unlabeled(Field features) {
        return new Sample(features, null);
    }

    /** Whether the sample has a target. */
    public boolean isLabeled() {
        return target != null;
    }
}
