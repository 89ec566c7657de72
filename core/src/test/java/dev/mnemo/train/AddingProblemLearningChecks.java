package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.data.DataLoader;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * A stacked LSTM must learn the adding problem over 100 steps to a test MSE below 0.05 (the
 * no-memory baseline is about 0.167), and a masked variable-length variant (50 to 100 steps,
 * padded in each batch) likewise, proving masks are honoured in training.
 *
 * <p>Run on every backend through {@link dev.mnemo.train.ModelConformanceSuite}.
 */
public abstract class AddingProblemLearningChecks {
    /** The backend under test. */
    protected abstract KernelBackend backend();


    /**
     * Trains until the training loss is below 0.01 (or {@code maxEpochs}), then returns the test MSE.
     * Stopping once learned keeps the test short on the plain reference backend.
     */
    private double trainAndTest(int minLength, int maxLength, int maxEpochs) {
        DataLoader train = DataLoader.builder(AddingProblem.make(1024, minLength, maxLength, 1)).batchSize(16).shuffle(2).build();
        DataLoader test = DataLoader.builder(AddingProblem.make(256, minLength, maxLength, 3)).batchSize(64).build();
        try (Model model = Model.of(Sequential.of(LSTM.builder().units(24).layers(2).build(), Dense.of(1)), 4)) {
            model.useKernels(backend()).build(-1, 2);
            model.compile(Optimizer.adam(1e-2).build(), Losses.meanSquaredError()).clipGradientNorm(1.0);
            Callback stopWhenLearned = new Callback() {
                @Override
                public void onEpochEnd(TrainingContext context, int epoch, java.util.Map<String, Double> logs) {
                    if (logs.get("loss") < 0.01) {
                        context.stopTraining("training loss below 0.01");
                    }
                }
            };
            History history = model.fit(train).epochs(maxEpochs).callbacks(stopWhenLearned).run();
            double mse = model.evaluate(test).logs().get("loss");
            System.out.printf("adding problem, lengths %d-%d, %s backend: train loss by epoch %s, test MSE %.4f%n",
                    minLength, maxLength, backend().name(), history.get("loss"), mse);
            return mse;
        }
    }

    @Test
    void stackedLstmLearnsTheAddingProblemOver100Steps() {
        double mse = trainAndTest(100, 100, 40);
        assertTrue(mse < 0.05, "test MSE " + mse + " should be below 0.05 (no-memory baseline 0.167)");
    }

    @Test
    void maskedVariableLengthVariantLearnsToo() {
        double mse = trainAndTest(50, 100, 40);
        assertTrue(mse < 0.05, "test MSE " + mse + " should be below 0.05 (no-memory baseline 0.167)");
    }
}
