package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Model;

/** Inference latency: {@link Model#predict} on one fixed batch, each call in its own scope. */
final class PredictWorkload implements Workload {
    private final Model model;
    private final Scope inputScope;
    private final Tensor features;

    /** {@code model} built; {@code features} lives in {@code inputScope}, which this workload closes. */
    PredictWorkload(Model model, Scope inputScope, Tensor features) {
        this.model = model;
        this.inputScope = inputScope;
        this.features = features;
    }

    @Override
    public double[] run(int steps) {
        double[] millis = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            try (Scope scope = Scope.open()) {
                model.predict(scope, features, null);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    @Override
    public void close() {
        model.close();
        inputScope.close();
    }
}
