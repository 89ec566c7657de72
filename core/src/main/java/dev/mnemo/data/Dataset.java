package dev.mnemo.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples that can be counted and read in any order (PyTorch's map-style {@code Dataset}).
 * For data that only streams, see {@link StreamingDataset}.
 *
 * <p>Build one from arrays:
 * <pre>{@code
 * Dataset mnist = Dataset.ofImages(pixels, labels, 1, 28, 28);  // float[N][784], int[N]
 * Dataset reviews = Dataset.ofSequences(tokenIds, sentiment);     // int[N][T_i], int[N]
 * Dataset tagged = Dataset.ofSequences(tokenIds, tags);           // int[N][T_i], int[N][T_i]
 * Dataset speech = Dataset.of(Fields.frames(mfcc), Fields.ids(chars));
 * }</pre>
 * or implement {@link #size()} and {@link #get(int)} to read samples lazily (for example decode an
 * image file per call). The {@code of...} factories check every sample up front, so a ragged
 * dataset fails at once, naming the sample; a custom dataset is checked batch by batch by the
 * {@link DataLoader}.
 *
 * <p>{@link #shuffled(long)}, {@link #subset(int...)} and the splits are views: they share the
 * samples and copy only an index array.
 */
public interface Dataset {
    /** Number of samples, at least 1. */
    int size();

    /** Sample {@code index}, {@code 0 <= index < size()}. */
    Sample get(int index);

    /** A dataset of {@code samples}, checked: not empty, all of the same kinds and shapes. */
    static Dataset of(List<Sample> samples) {
        return new InMemoryDataset(samples);
    }

    /**
     * Pairs {@code features.get(i)} with {@code targets.get(i)}; the lists must be equally long.
     * Build the columns with {@link Fields}.
     */
    static Dataset of(List<? extends Field> features, List<? extends Field> targets) {
        if (features.size() != targets.size()) {
            throw new IllegalArgumentException("Dataset.of: " + features.size() + " features but "
                    + targets.size() + " targets; every sample needs both");
        }
        List<Sample> samples = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i) == null || targets.get(i) == null) {
                throw new IllegalArgumentException("Dataset.of: sample " + i + " has a null "
                        + (features.get(i) == null ? "feature" : "target"));
            }
            samples.add(new Sample(features.get(i), targets.get(i)));
        }
        return new InMemoryDataset(samples);
    }

    /** Unlabeled samples, for prediction. */
    static Dataset unlabeled(List<? extends Field> features) {
        List<Sample> samples = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i) == null) {
                throw new IllegalArgumentException("Dataset.unlabeled: sample " + i + " has a null feature");
            }
            samples.add(Sample.unlabeled(features.get(i)));
        }
        return new InMemoryDataset(samples);
    }

    /** Feature vectors {@code [N][F]} with class indices {@code [N]}. */
    static Dataset of(float[][] features, int[] classes) {
        return of(Fields.vectors(features), Fields.labels(classes));
    }

    /** Feature vectors {@code [N][F]} with target vectors {@code [N][K]} (regression, multi-label, one-hot). */
    static Dataset of(float[][] features, float[][] targets) {
        return of(Fields.vectors(features), Fields.vectors(targets));
    }

    /** Images, each row-major of {@code shape} (e.g. {@code 1, 28, 28} for [C, H, W]), with class indices. */
    static Dataset ofImages(float[][] pixels, int[] classes, int... shape) {
        return of(Fields.dense(pixels, shape), Fields.labels(classes));
    }

    /** Token-id sequences of any lengths with one class index each (text classification). */
    static Dataset ofSequences(int[][] ids, int[] classes) {
        return of(Fields.ids(ids), Fields.labels(classes));
    }

    /** Token-id sequences with an id sequence each (tagging, seq2seq); lengths may differ. */
    static Dataset ofSequences(int[][] ids, int[][] targets) {
        return of(Fields.ids(ids), Fields.ids(targets));
    }

    /** Frame sequences {@code [N][T_i][F]} with one class index each (e.g. spoken-word recognition). */
    static Dataset ofFrames(float[][][] frames, int[] classes) {
        return of(Fields.frames(frames), Fields.labels(classes));
    }

    /** The samples at {@code indices}, in that order (repeats allowed). */
    default Dataset subset(int... indices) {
        return new Subset(this, indices);
    }

    /** All samples in a seeded random order: the same seed gives the same order, run after run. */
    default Dataset shuffled(long seed) {
        return new Subset(this, Permutations.random(size(), seed));
    }

    /**
     * Keras {@code validation_split}: the LAST {@code validationFraction} of the samples, in
     * order and without shuffling, become the validation set; the first
     * {@code floor(size * (1 - validationFraction))} are the training set. Shuffle the data
     * beforehand if its order is meaningful (e.g. sorted by class), or use
     * {@link #split(double, long)}.
     */
    default Split splitLast(double validationFraction) {
        int train = Split.trainCount(size(), validationFraction);
        return new Split(subset(Permutations.identity(train)),
                subset(Arrays.copyOfRange(Permutations.identity(size()), train, size())));
    }

    /**
     * PyTorch {@code random_split}: a seeded random permutation, whose first
     * {@code floor(size * (1 - validationFraction))} samples are the training set and the rest
     * the validation set. Same seed, same split.
     */
    default Split split(double validationFraction, long seed) {
        int train = Split.trainCount(size(), validationFraction);
        int[] order = Permutations.random(size(), seed);
        return new Split(subset(Arrays.copyOf(order, train)), subset(Arrays.copyOfRange(order, train, size())));
    }
}
