package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.train.Model;

/**
 * Training steps through {@link Model#fit}: each block is one epoch over {@code steps} batches
 * cycled from a fixed dataset, timed per step by {@link StepTimer}.
 */
final class TrainingWorkload implements Workload {
    private final Model model;
    private final Dataset data;
    private final int batchSize;

    /** {@code model} built and compiled; {@code data} holds a whole number of batches. */
    TrainingWorkload(Model model, Dataset data, int batchSize) {
        if (data.size() % batchSize != 0) {
            throw new IllegalArgumentException("dataset of " + data.size() + " samples is not whole batches of " + batchSize);
        }
        this.model = model;
        this.data = data;
        this.batchSize = batchSize;
    }

    @Override
    public double[] run(int steps) {
        int[] cycled = new int[steps * batchSize];
        for (int i = 0; i < cycled.length; i++) {
            cycled[i] = i % data.size();
        }
        StepTimer timer = new StepTimer(steps);
        model.fit(DataLoader.builder(data.subset(cycled)).batchSize(batchSize).build()).epochs(1).callbacks(timer).run();
        return timer.millis();
    }

    @Override
    public void close() {
        model.close();
    }
}
