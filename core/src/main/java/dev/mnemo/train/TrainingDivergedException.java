package dev.mnemo.train;

/**
 * The loss or a gradient became NaN or infinite. Thrown before the optimizer step, so the model
 * keeps the last good weights. The message names the epoch, the step and, for gradients, the
 * first parameter (layer) whose gradient went non-finite.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
