package dev.mnemo.train;

import dev.mnemo.data.Dataset;
import dev.mnemo.data.Fields;
import java.util.Random;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997): each step carries a value in [0, 1) and
 * a marker; exactly two steps are marked, one in each half of the sequence, and the target is the
 * sum of their values. Answering needs memory across the whole sequence: predicting the mean
 * (1.0) scores an MSE of 1/6 ≈ 0.167.
 */
final class AddingProblem {
    private AddingProblem() {}

    /**
     * {@code count} sequences with lengths uniform in {@code [minLength, maxLength]} (right-padded
     * by the loader when they differ), features {@code [T, 2]}, target {@code [1]}.
     */
    static Dataset make(int count, int minLength, int maxLength, long seed) {
        Random random = new Random(seed);
        float[][][] x = new float[count][][];
        float[][] y = new float[count][1];
        for (int n = 0; n < count; n++) {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            x[n] = new float[length][2];
            for (int t = 0; t < length; t++) {
                x[n][t][0] = random.nextFloat();
            }
            int first = random.nextInt(length / 2);
            int second = length / 2 + random.nextInt(length - length / 2);
            x[n][first][1] = 1f;
            x[n][second][1] = 1f;
            y[n][0] = x[n][first][0] + x[n][second][0];
        }
        return Dataset.of(Fields.frames(x), Fields.vectors(y));
    }
}
