package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What every optimizer shares: the learning rate, the iteration count, per-parameter state
 * (buffers shaped like the parameter, the parameter's own step count, which Adam's bias
 * correction uses, as torch's {@code state["step"]}, and its weight decay after exclusions)
 * allocated in a scope this object owns, and the checkpoint form of that state. Subclasses name
 * their buffers and give the element-wise update.
 */
abstract sealed class StatefulOptimizer implements Optimizer permits SGD, Adam, RMSprop {
    private final String kind;
    private final double weightDecay;
    private final Predicate<Parameter> excludedFromWeightDecay;
    private final List<String> bufferNames;
    private final Scope scope = Scope.open();
    private final Map<Parameter, State> states = new IdentityHashMap<>();
    private final double initialLearningRate;
    private double learningRate;
    private int iterations;
    private boolean closed;

    private static final class State {
        final Tensor[] buffers;
        final double weightDecay;
        int steps;

        State(Tensor[] buffers, double weightDecay) {
            this.buffers = buffers;
            this.weightDecay = weightDecay;
        }
    }

    /**
     * @param settings    the checked builder: kind, learning rate, weight decay and its exclusions
     * @param bufferNames torch's names of the per-parameter buffers, in slot order
     */
    StatefulOptimizer(OptimizerBuilder<?> settings, List<String> bufferNames) {
        this.kind = settings.kind;
        this.weightDecay = settings.weightDecay;
        this.excludedFromWeightDecay = settings.excludedFromWeightDecay;
        this.bufferNames = List.copyOf(bufferNames);
        this.initialLearningRate = settings.learningRate;
        this.learningRate = initialLearningRate;
    }

    /**
     * Updates {@code p.value()} in place from {@code p.grad()}.
     *
     * @param buffers     one tensor per buffer name, shaped like the parameter, zero before its first step
     * @param step        1 on the parameter's first update, then 2, 3, ...
     * @param lr          the current learning rate
     * @param weightDecay the weight decay for this parameter: 0 if it is excluded
     */
    abstract void update(Parameter p, Tensor[] buffers, int step, double lr, double weightDecay);

    /** The weight decay the optimizer was built with (before exclusions). */
    final double weightDecay() {
        return weightDecay;
    }

    /** Slot of the buffer called {@code name} in {@link #update}'s array. */
    final int slot(String name) {
        return bufferNames.indexOf(name);
    }

    @Override
    public final void step(List<Parameter> params) {
        Objects.requireNonNull(params, "params");
        checkOpen();
        Map<Parameter, Boolean> seen = new IdentityHashMap<>(params.size() * 2);
        for (Parameter p : params) {
            if (seen.put(Objects.requireNonNull(p, "parameter"), Boolean.TRUE) != null) {
                throw new IllegalArgumentException(kind + ": parameter " + p.name()
                        + " appears more than once in the list; each would be updated twice");
            }
        }
        for (Parameter p : params) {
            State state = states.computeIfAbsent(p, this::newState);
            state.steps++;
            update(p, state.buffers, state.steps, learningRate, state.weightDecay);
        }
        iterations++;
    }

    private State newState(Parameter p) {
        Tensor[] buffers = new Tensor[bufferNames.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = scope.zeros(p.value().shape());
        }
        return new State(buffers, excludedFromWeightDecay.test(p) ? 0 : weightDecay);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(kind + " is closed");
        }
    }

    @Override
    public final OptimizerState state() {
        checkOpen();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(OptimizerState.KIND, kind);
        metadata.put(OptimizerState.BUFFERS, String.join(",", bufferNames));
        metadata.put(OptimizerState.CONFIG, toString());
        metadata.put(OptimizerState.LEARNING_RATE, Double.toString(learningRate));
        metadata.put(OptimizerState.ITERATIONS, Integer.toString(iterations));
        states.forEach((p, state) -> {
            if (metadata.put(OptimizerState.STEPS + p.name(), Integer.toString(state.steps)) != null) {
                throw new IllegalStateException(kind + ": two parameters are named " + p.name()
                        + "; their states cannot be told apart in a checkpoint");
            }
            for (int i = 0; i < bufferNames.size(); i++) {
                tensors.put(OptimizerState.tensorName(p.name(), bufferNames.get(i)), state.buffers[i]);
            }
        });
        return new OptimizerState(tensors, metadata);
    }

    @Override
    public final void loadState(List<Parameter> params, Map<String, Tensor> tensors, Map<String, String> metadata) {
        checkOpen();
        String savedKind = metadata.get(OptimizerState.KIND);
        String savedBuffers = metadata.get(OptimizerState.BUFFERS);
        if (!kind.equals(savedKind) || !String.join(",", bufferNames).equals(savedBuffers)) {
            throw new IllegalArgumentException("optimizer state: saved by " + savedKind + " with buffers ["
                    + savedBuffers + "], cannot load into " + this + " with buffers " + bufferNames);
        }
        double savedRate = Check.nonNegative("optimizer state", OptimizerState.LEARNING_RATE,
                Double.parseDouble(required(metadata, OptimizerState.LEARNING_RATE)));
        int savedIterations = count(metadata, OptimizerState.ITERATIONS, 0);
        Map<Parameter, Integer> steps = new IdentityHashMap<>();
        for (Parameter p : params) {
            if (!metadata.containsKey(OptimizerState.STEPS + p.name())) {
                continue;
            }
            steps.put(p, count(metadata, OptimizerState.STEPS + p.name(), 1));
            for (String buffer : bufferNames) {
                String name = OptimizerState.tensorName(p.name(), buffer);
                Tensor saved = tensors.get(name);
                if (saved == null) {
                    throw new IllegalArgumentException("optimizer state: tensor " + name + " is missing");
                }
                if (!saved.hasShape(p.value().shape())) {
                    throw new IllegalArgumentException("optimizer state: tensor " + name + " has shape "
                            + Arrays.toString(saved.shape()) + ", parameter " + p.name() + " has "
                            + Arrays.toString(p.value().shape()));
                }
            }
        }
        for (Parameter p : params) {
            Integer saved = steps.get(p);
            if (saved == null) {
                states.remove(p);
                continue;
            }
            State state = states.computeIfAbsent(p, this::newState);
            state.steps = saved;
            for (int i = 0; i < bufferNames.size(); i++) {
                state.buffers[i].copyFrom(tensors.get(OptimizerState.tensorName(p.name(), bufferNames.get(i))));
            }
        }
        learningRate = savedRate;
        iterations = savedIterations;
    }

    private static String required(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("optimizer state: metadata " + key + " is missing");
        }
        return value;
    }

    private static int count(Map<String, String> metadata, String key, int min) {
        String value = required(metadata, key);
        try {
            return Check.atLeast("optimizer state", key, Integer.parseInt(value), min);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("optimizer state: metadata " + key + " must be an integer, got " + value);
        }
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double rate) {
        learningRate = Check.nonNegative(kind, "learningRate", rate);
    }

    @Override
    public final double initialLearningRate() {
        return initialLearningRate;
    }

    @Override
    public final int iterations() {
        return iterations;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            states.clear();
            scope.close();
        }
    }
}
