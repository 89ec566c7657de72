package dev.mnemo.train;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.data.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras-style training settings for {@link Model#fit(Dataset)} and {@link Model#fit(DataLoader)}:
 * set what you need by name, then {@link #run()} trains. The one way to train a model.
 *
 * <pre>{@code
 * History h = model.fit(reviews).epochs(10).batchSize(32).validationSplit(0.2).shuffle(7)
 *         .callbacks(new ProgressBar(), new EarlyStopping("val_loss", 2, true)).run();
 * History h = model.fit(trainLoader).validationData(validationLoader).epochs(10).run();
 * }</pre>
 *
 * <p>The defaults are the same either way: one epoch, no validation, no callbacks. From a
 * {@link Dataset}, batches are 32 samples, unshuffled unless {@link #shuffle(long)} gives a seed;
 * a {@link DataLoader} brings its own batching and shuffling, so {@link #batchSize},
 * {@link #shuffle} and {@link #validationSplit} are errors there. {@code validationSplit(f)} holds
 * out the last fraction {@code f} of the samples, before any shuffling, as Keras's {@code
 * validation_split} does (shuffle ordered data first, or pass {@code validationData}).
 *
 * <p>Training reports nothing by itself: add a {@link dev.mnemo.train.callbacks.ProgressBar} (a
 * live bar on a terminal, one line per epoch in a log) or any other callback.
 */
public final class Fit {
    private final Model model;
    private final Dataset data;
    private final DataLoader loader;
    private int epochs = 1;
    private Integer batchSize;
    private Long shuffleSeed;
    private double validationSplit;
    private Dataset validationData;
    private DataLoader validationLoader;
    private final List<Callback> callbacks = new ArrayList<>();

    Fit(Model model, Dataset data, DataLoader loader) {
        this.model = model;
        this.data = data;
        this.loader = loader;
    }

    /** Passes over the training data (default 1). */
    public Fit epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Samples per step (default 32); datasets only, a DataLoader has its own. */
    public Fit batchSize(int batchSize) {
        requireDataset("batchSize");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Reshuffle the training samples every epoch, reproducibly from {@code seed} (default: no shuffling); datasets only. */
    public Fit shuffle(long seed) {
        requireDataset("shuffle");
        this.shuffleSeed = seed;
        return this;
    }

    /** Hold out the last {@code fraction} of the samples for validation; datasets only. */
    public Fit validationSplit(double fraction) {
        requireDataset("validationSplit");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in (0, 1), got " + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Validate on {@code validation} after each epoch, in batches of the training batch size. */
    public Fit validationData(Dataset validation) {
        this.validationData = validation;
        return this;
    }

    /** Validate on {@code validation} after each epoch. */
    public Fit validationData(DataLoader validation) {
        this.validationLoader = validation;
        return this;
    }

    /** Callbacks, in the order they are called. */
    public Fit callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    /** Callbacks, in the order they are called. */
    public Fit callbacks(List<? extends Callback> callbacks) {
        this.callbacks.addAll(callbacks);
        return this;
    }

    /** Trains and returns the history. */
    public History run() {
        int given = (validationSplit > 0 ? 1 : 0) + (validationData != null ? 1 : 0) + (validationLoader != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give one of validationSplit or validationData, not several");
        }
        int batch = batchSize == null ? 32 : batchSize;
        DataLoader train = loader;
        Dataset validation = validationData;
        if (train == null) {
            Dataset samples = data;
            if (validationSplit > 0) {
                Split split = data.splitLast(validationSplit);
                samples = split.train();
                validation = split.validation();
            }
            DataLoader.Builder builder = DataLoader.builder(samples).batchSize(batch);
            if (shuffleSeed != null) {
                builder.shuffle(shuffleSeed);
            }
            train = builder.build();
        }
        DataLoader validate = validationLoader != null ? validationLoader
                : validation == null ? null : DataLoader.builder(validation).batchSize(batch).build();
        return model.train(train, validate, epochs, callbacks);
    }

    private void requireDataset(String setting) {
        if (loader != null) {
            throw new IllegalStateException(setting + " applies to fit(Dataset); a DataLoader brings its own batching,"
                    + " shuffling and splits");
        }
    }
}
