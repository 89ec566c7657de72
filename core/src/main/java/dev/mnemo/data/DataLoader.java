package dev.mnemo.data;

import dev.mnemo.tensor.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Cuts a dataset into {@link Batch}es, epoch by epoch.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(32).shuffle(42).build();
 * for (int e = 0; e < epochs; e++) {
 *     loader.forEachBatch(e, batch -> step(batch));   // each batch in its own scope, freed after the step
 * }
 * }</pre>
 *
 * <p><b>Order.</b> Without {@link Builder#shuffle(long)} samples come in dataset order. With it,
 * epoch {@code e} of an indexed {@link Dataset} is a uniform random permutation drawn from
 * {@code (seed, e)} alone: the same seed gives the same order run after run, every epoch a
 * different one, and every sample exactly once per epoch. A {@link StreamingDataset} is shuffled
 * through a buffer ({@link Builder#shuffleBuffer(int)}), seeded the same way.
 *
 * <p><b>Padding.</b> Sequences are right-padded with 0 to the longest sequence of their batch,
 * batch-first; {@link Batch#lengths()} gives each sample's valid steps. Token id 0 is reserved
 * for padding. {@link Builder#bucketByLength(int)} groups similar lengths to pad less.
 *
 * <p>The last batch is smaller when the batch size does not divide the dataset, unless
 * {@link Builder#dropLast(boolean)} drops it. {@link Builder#prefetch(int)} reads samples ahead
 * on a background thread without changing any batch.
 */
public final class DataLoader {
    private final Dataset dataset;
    private final StreamingDataset stream;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int bucketBatches;
    private final int shuffleBuffer;
    private final int prefetch;
    private final SampleType type;
    private final int[] featureLengths;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.stream = b.stream;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.dropLast = b.dropLast;
        this.bucketBatches = b.bucketBatches;
        this.shuffleBuffer = b.shuffleBuffer;
        this.prefetch = b.prefetch;
        this.type = dataset == null ? null : SampleType.of(dataset.get(0), 0);
        this.featureLengths = bucketBatches > 0 ? lengthsOf(dataset, type) : null;
    }

    /** A loader over an indexed dataset (exact shuffling, known number of batches). */
    public static Builder builder(Dataset dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset must not be null");
        }
        return new Builder(dataset, null);
    }

    /** A loader over a stream (buffered shuffling, number of batches unknown). */
    public static Builder builder(StreamingDataset stream) {
        if (stream == null) {
            throw new IllegalArgumentException("DataLoader: streaming dataset must not be null");
        }
        return new Builder(null, stream);
    }

    /** Samples per batch (the last batch may hold fewer). */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch for an indexed dataset; empty for a stream, whose length is unknown. */
    public OptionalInt batchesPerEpoch() {
        if (dataset == null) {
            return OptionalInt.empty();
        }
        int n = dataset.size();
        return OptionalInt.of(dropLast ? n / batchSize : (n + batchSize - 1) / batchSize);
    }

    /**
     * Starts epoch {@code epoch} ({@code >= 0}); its order depends only on the seed and
     * {@code epoch}, so a run resumed at epoch 5 sees what an uninterrupted run saw.
     */
    public Epoch epoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return dataset != null ? indexedEpoch(epoch) : streamingEpoch(epoch);
    }

    /**
     * Runs {@code step} on every batch of epoch {@code epoch}, each batch allocated in a fresh
     * scope that is closed when {@code step} returns (do not keep the batch's tensors).
     */
    public void forEachBatch(int epoch, Consumer<Batch> step) {
        try (Epoch pass = epoch(epoch)) {
            while (pass.hasNext()) {
                try (Scope scope = Scope.open()) {
                    step.accept(pass.next(scope));
                }
            }
        }
    }

    private Epoch indexedEpoch(int epoch) {
        int[][] plan = plan(epoch);
        Iterator<Chunk> chunks = Arrays.stream(plan).map(this::chunk).iterator();
        return start(chunks, () -> {}, type, OptionalInt.of(plan.length));
    }

    /** The dataset indices of each batch of epoch {@code epoch}. */
    private int[][] plan(int epoch) {
        int n = dataset.size();
        SplittableRandom random = shuffle ? new SplittableRandom(Permutations.forEpoch(seed, epoch)) : null;
        int[] order = Permutations.identity(n);
        if (random != null) {
            Permutations.shuffle(order, random);
        }
        if (bucketBatches > 0) {
            order = LengthBuckets.sortWithinPools(order, featureLengths, bucketBatches * batchSize);
        }
        int[][] batches = new int[batchesPerEpoch().getAsInt()][];
        for (int k = 0; k < batches.length; k++) {
            batches[k] = Arrays.copyOfRange(order, k * batchSize, Math.min(n, (k + 1) * batchSize));
        }
        if (bucketBatches > 0 && random != null) {
            int[] batchOrder = Permutations.identity(batches.length);
            Permutations.shuffle(batchOrder, random);
            int[][] shuffled = new int[batches.length][];
            for (int k = 0; k < batches.length; k++) {
                shuffled[k] = batches[batchOrder[k]];
            }
            batches = shuffled;
        }
        return batches;
    }

    private Chunk chunk(int[] indices) {
        List<Sample> samples = new ArrayList<>(indices.length);
        long[] positions = new long[indices.length];
        for (int b = 0; b < indices.length; b++) {
            samples.add(dataset.get(indices[b]));
            positions[b] = indices[b];
        }
        return new Chunk(positions, samples);
    }

    private Epoch streamingEpoch(int epoch) {
        Stream<Sample> samples = stream.open();
        Iterator<Indexed> numbered = StreamChunks.numbered(samples.iterator());
        if (shuffle) {
            numbered = new ShuffleBuffer(numbered, shuffleBuffer,
                    new SplittableRandom(Permutations.forEpoch(seed, epoch)));
        }
        return start(new StreamChunks(numbered, batchSize, dropLast), samples::close, null, OptionalInt.empty());
    }

    /** The epoch over {@code chunks}, read ahead on a background thread if {@code prefetch > 0}. */
    private Epoch start(Iterator<Chunk> chunks, Runnable closeSource, SampleType known, OptionalInt batches) {
        if (prefetch == 0) {
            return new Epoch(chunks, closeSource, known, batches);
        }
        Prefetcher ahead = new Prefetcher(chunks, prefetch);
        Runnable close = () -> {
            try {
                ahead.close();
            } finally {
                closeSource.run();
            }
        };
        return new Epoch(ahead, close, known, batches);
    }

    /** Feature sequence length of every sample (read once, for bucketing). */
    private static int[] lengthsOf(Dataset dataset, SampleType type) {
        if (!type.features().isSequence()) {
            throw new IllegalArgumentException("bucketByLength needs sequence features, but the features are "
                    + type.features().describe());
        }
        int[] lengths = new int[dataset.size()];
        for (int i = 0; i < lengths.length; i++) {
            Sample sample = dataset.get(i);
            type.check(sample, i);
            lengths[i] = sample.features().steps();
        }
        return lengths;
    }

    /** Options of a {@link DataLoader}; every setter checks its argument at once. */
    public static final class Builder {
        private final Dataset dataset;
        private final StreamingDataset stream;
        private int batchSize = 32;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;
        private int bucketBatches;
        private int shuffleBuffer;
        private int prefetch;

        private Builder(Dataset dataset, StreamingDataset stream) {
            this.dataset = dataset;
            this.stream = stream;
        }

        /** Samples per batch, {@code >= 1}; default 32 (as Keras). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Reshuffles every epoch, deterministically from {@code seed} and the epoch number. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /** Whether to drop a last batch smaller than the batch size; default false. */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * Sorts sequences by length (longest first) within pools of {@code batchesPerBucket}
         * batches, so batches hold similar lengths and pad less; with {@link #shuffle(long)} the
         * pools are cut from the shuffled order and the batch order is shuffled too. Indexed
         * datasets with sequence features only; reads every sample once when the loader is built.
         */
        public Builder bucketByLength(int batchesPerBucket) {
            if (batchesPerBucket < 1) {
                throw new IllegalArgumentException("bucketByLength needs >= 1 batches per bucket, got "
                        + batchesPerBucket);
            }
            this.bucketBatches = batchesPerBucket;
            return this;
        }

        /** Size of the shuffle buffer of a streaming dataset (see {@link #shuffle(long)}), {@code >= 1}. */
        public Builder shuffleBuffer(int samples) {
            if (samples < 1) {
                throw new IllegalArgumentException("shuffle buffer must hold >= 1 samples, got " + samples);
            }
            this.shuffleBuffer = samples;
            return this;
        }

        /**
         * Reads the samples of up to {@code batches} batches ahead on one background thread
         * (default 0: read on the caller's thread), so that a dataset whose {@code get} decodes a
         * file, or a stream that parses lines, works while the model computes. The order and the
         * batches are unchanged; tensors are still allocated by the caller in its scope; an
         * exception while reading surfaces at the batch it belongs to. Close the {@link Epoch}.
         */
        public Builder prefetch(int batches) {
            if (batches < 0) {
                throw new IllegalArgumentException("prefetch must be >= 0 batches, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        /**
         * The loader.
         *
         * @throws IllegalArgumentException for an empty dataset, or options that do not fit the source
         */
        public DataLoader build() {
            if (dataset != null) {
                int n = dataset.size();
                if (n < 1) {
                    throw new IllegalArgumentException("empty dataset: a DataLoader needs at least one sample");
                }
                if (dropLast && n < batchSize) {
                    throw new IllegalArgumentException("dropLast: " + n + " samples do not fill one batch of "
                            + batchSize);
                }
                if (shuffleBuffer > 0) {
                    throw new IllegalArgumentException("shuffleBuffer is for streaming datasets; an indexed"
                            + " dataset is shuffled exactly by shuffle(seed)");
                }
            } else {
                if (shuffle && shuffleBuffer == 0) {
                    throw new IllegalArgumentException("a streaming dataset cannot be shuffled globally: set"
                            + " shuffleBuffer(samples) as well as shuffle(seed)");
                }
                if (bucketBatches > 0) {
                    throw new IllegalArgumentException("bucketByLength needs an indexed Dataset, not a stream");
                }
            }
            return new DataLoader(this);
        }
    }
}
