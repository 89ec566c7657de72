package dev.mnemo.optim;

import static dev.mnemo.optim.ScheduleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpointing optimizer state: save after 3 steps, restore into a new optimizer, 2 more steps = 5 in one go. */
class OptimizerStateTest {
    private static final int[] W_SHAPE = {2, 3};
    private final Scope scope = Scope.open();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void resumingFromASavedStateGivesBitIdenticalParameters() throws Exception {
        resumes(() -> Optimizer.adam(0.01).amsgrad(true).weightDecay(0.01).build());
        resumes(() -> Optimizer.adamW(0.01).build());
        resumes(() -> Optimizer.sgd(0.05).momentum(0.9).nesterov(true).build());
        resumes(() -> Optimizer.rmsprop(0.01).centered(true).momentum(0.5).build());
    }

    private void resumes(Supplier<Optimizer> factory) throws Exception {
        List<Parameter> straight = parameters();
        try (Optimizer opt = factory.get()) {
            for (int k = 1; k <= 5; k++) {
                step(opt, straight, k);
            }
        }
        List<Parameter> resumed = parameters();
        Path file = dir.resolve("state.safetensors");
        String config;
        try (Optimizer first = factory.get()) {
            for (int k = 1; k <= 3; k++) {
                step(first, resumed, k);
            }
            first.setLearningRate(first.learningRate() / 2);
            OptimizerState state = first.state();
            SafeTensors.write(file, state.tensors(), state.metadata());
            config = first.toString();
        }
        List<Parameter> fresh = parameters();
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).value().copyFrom(resumed.get(i).value());
        }
        try (Optimizer second = factory.get()) {
            SafeTensors.Contents saved = SafeTensors.read(file, scope);
            second.loadState(fresh, saved.tensors(), saved.metadata());
            assertEquals(3, second.iterations());
            assertEquals(config, second.toString(), "learning rate restored");
            assertEquals(2 * second.learningRate(), second.initialLearningRate(), "the base rate is the built one");
            second.setLearningRate(second.learningRate() * 2);
            for (int k = 4; k <= 5; k++) {
                step(second, fresh, k);
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            assertArrayEquals(straight.get(i).value().toArray(), fresh.get(i).value().toArray(), config);
        }
    }

    private List<Parameter> parameters() {
        return List.of(new Parameter("dense.weight", scope.of(new float[] {0.5f, -1, 2, 0.1f, -0.3f, 1.5f}, W_SHAPE),
                        scope.zeros(W_SHAPE)),
                Fixtures.parameter("dense.bias", new float[] {0.2f, -0.4f}, new float[2], scope));
    }

    /** Deterministic gradients that differ per step and element. */
    private static void step(Optimizer opt, List<Parameter> params, int k) {
        for (int p = 0; p < params.size(); p++) {
            Tensor g = params.get(p).grad();
            for (int i = 0; i < g.size(); i++) {
                g.set(i, (float) Math.sin(7.0 * k + 1.3 * i + p));
            }
        }
        opt.step(params);
    }

    @Test
    void mismatchedStatesAreRejectedWithTheirNames() {
        List<Parameter> params = parameters();
        OptimizerState state;
        try (Optimizer adam = Optimizer.adam(0.01).build()) {
            step(adam, params, 1);
            state = adam.state();
            Map<String, Tensor> tensors = new HashMap<>(state.tensors());
            Map<String, String> metadata = state.metadata();
            assertEquals(4, tensors.size());
            try (Optimizer sgd = Optimizer.sgd(0.1).momentum(0.9).build()) {
                assertMessage("optimizer state: saved by Adam with buffers [exp_avg,exp_avg_sq], cannot load into SGD",
                        () -> sgd.loadState(params, tensors, metadata));
            }
            try (Optimizer amsgrad = Optimizer.adam(0.01).amsgrad(true).build()) {
                assertMessage("saved by Adam with buffers [exp_avg,exp_avg_sq], cannot load into Adam(",
                        () -> amsgrad.loadState(params, tensors, metadata));
            }
            try (Optimizer other = Optimizer.adam(0.01).build()) {
                tensors.put("optimizer/dense.bias/exp_avg", scope.zeros(3));
                assertMessage("optimizer state: tensor optimizer/dense.bias/exp_avg has shape [3], parameter dense.bias has [2]",
                        () -> other.loadState(params, tensors, metadata));
                tensors.remove("optimizer/dense.bias/exp_avg");
                assertMessage("optimizer state: tensor optimizer/dense.bias/exp_avg is missing",
                        () -> other.loadState(params, tensors, metadata));
                Map<String, String> badSteps = new HashMap<>(metadata);
                badSteps.put("optimizer.steps.dense.weight", "0");
                assertMessage("optimizer state: optimizer.steps.dense.weight must be >= 1, got 0",
                        () -> other.loadState(params, state.tensors(), badSteps));
                assertEquals(0, other.iterations(), "nothing changed by a rejected load");
            }
        }
    }
}
