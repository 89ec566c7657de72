package dev.mnemo.train;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.data.Split;
import dev.mnemo.train.callbacks.ProgressBar;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras-style training settings for {@link Model#fit(Dataset)}: batching, shuffling and the
 * validation data are set by name, then {@link #run()} trains.
 *
 * <pre>{@code
 * History h = model.fit(reviews).epochs(10).batchSize(32).validationSplit(0.2).shuffle(7)
 *         .callbacks(new EarlyStopping(...)).run();
 * }</pre>
 *
 * <p>Progress is reported unless {@code verbose(false)}. {@code validationSplit(f)} holds out the last fraction {@code f} of the samples, before any
 * shuffling, as Keras's {@code validation_split} does (shuffle your data first if it is ordered,
 * or pass {@code validationData}). Training batches are reshuffled every epoch from the seed.
 */
public final class Fit {
    private final Model model;
    private final Dataset data;
    private int epochs = 1;
    private int batchSize = 32;
    private Long shuffleSeed;
    private double validationSplit;
    private Dataset validationData;
    private final List<Callback> callbacks = new ArrayList<>();
    private boolean verbose = true;

    Fit(Model model, Dataset data) {
        this.model = model;
        this.data = data;
    }

    /** Passes over the training data (default 1). */
    public Fit epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /** Samples per step (default 32). */
    public Fit batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Reshuffle the training samples every epoch, reproducibly from {@code seed} (default: no shuffling). */
    public Fit shuffle(long seed) {
        this.shuffleSeed = seed;
        return this;
    }

    /** Hold out the last {@code fraction} of the samples for validation. */
    public Fit validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in (0, 1), got " + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Validate on {@code validation} after each epoch. */
    public Fit validationData(Dataset validation) {
        this.validationData = validation;
        return this;
    }

    /**
     * Whether to report progress (default true): a live bar with loss, metrics, samples/s and ETA
     * on a terminal, one plain line per epoch otherwise ({@link ProgressBar}).
     */
    public Fit verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Callbacks, in the order they are called. */
    public Fit callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    /** Trains and returns the history. */
    public History run() {
        if (validationSplit > 0 && validationData != null) {
            throw new IllegalArgumentException("give either validationSplit or validationData, not both");
        }
        Dataset train = data;
        Dataset validation = validationData;
        if (validationSplit > 0) {
            Split split = data.splitLast(validationSplit);
            train = split.train();
            validation = split.validation();
        }
        DataLoader.Builder loader = DataLoader.builder(train).batchSize(batchSize);
        if (shuffleSeed != null) {
            loader.shuffle(shuffleSeed);
        }
        DataLoader validationLoader = validation == null ? null : DataLoader.builder(validation).batchSize(batchSize).build();
        List<Callback> all = new ArrayList<>(callbacks);
        if (verbose && all.stream().noneMatch(c -> c instanceof ProgressBar)) {
            all.add(new ProgressBar());
        }
        return model.fit(loader.build(), validationLoader, epochs, all.toArray(Callback[]::new));
    }
}
