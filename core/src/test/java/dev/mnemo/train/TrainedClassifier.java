package dev.mnemo.train;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;

/** A small trained text-like classifier for the model-file tests: masked embedding, bidirectional peephole LSTM, dense head. */
final class TrainedClassifier {
    /** Token ids {@code [4, 6]} to predict on, 0 = padding. */
    static final float[] IDS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0, 8, 9, 7, 9, 0, 0, 2, 0, 0, 0, 0, 0};

    private TrainedClassifier() {}

    /** The six training sequences, batches of 3. */
    static DataLoader data() {
        int[][] sequences = {{3, 1, 4}, {1, 5, 9, 2}, {6, 5}, {3, 5, 8, 9, 7}, {9}, {2, 6, 5}};
        return DataLoader.builder(Dataset.ofSequences(sequences, new int[] {0, 1, 2, 0, 1, 2})).batchSize(3).build();
    }

    /** The classifier after 2 epochs of Adam (lr 0.05) on {@link #data()} on {@code kernels}. */
    static Model make(KernelBackend kernels) {
        Model model = Model.of(Sequential.of(Embedding.masked(10, 4),
                LSTM.builder().units(5).bidirectional(true).build(), Dense.of(3)), 9);
        model.useKernels(kernels).build(-1);
        model.compile(Optimizer.adam(0.05).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
        model.fit(data()).epochs(2).run();
        return model;
    }
}
