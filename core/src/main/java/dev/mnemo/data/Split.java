package dev.mnemo.data;

/**
 * A training set and a validation set drawn from one dataset without overlap.
 *
 * @param train the samples to fit on
 * @param validation the held-out samples
 */
public record Split(Dataset train, Dataset validation) {
    /**
     * Training-set size for a validation fraction, as Keras computes it:
     * {@code floor(size * (1 - validationFraction))}.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1) or a part would be empty
     */
    static int trainCount(int size, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        int train = (int) Math.floor(size * (1.0 - validationFraction));
        if (train < 1 || train >= size) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " of " + size
                    + " samples leaves " + train + " for training and " + (size - train)
                    + " for validation; both need at least one");
        }
        return train;
    }
}
