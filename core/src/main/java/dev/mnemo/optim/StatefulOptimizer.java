package dev.mnemo.optim;

import dev.mnemo.nn.Parameter;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every optimizer shares: the learning rate, the iteration count, and per-parameter state
 * (buffers shaped like the parameter plus the parameter's own step count, which Adam's bias
 * correction uses, as torch's {@code state["step"]}) allocated in a scope this object owns.
 * Subclasses give the number of buffers and the element-wise update.
 */
abstract sealed class StatefulOptimizer implements Optimizer permits SGD, Adam, RMSprop {
    private final String name;
    private final int bufferCount;
    private final Scope scope = Scope.open();
    private final Map<Parameter, State> states = new IdentityHashMap<>();
    private double learningRate;
    private int iterations;
    private boolean closed;

    private static final class State {
        final Tensor[] buffers;
        int steps;

        State(Tensor[] buffers) {
            this.buffers = buffers;
        }
    }

    StatefulOptimizer(String name, double learningRate, int bufferCount) {
        this.name = name;
        this.bufferCount = bufferCount;
        this.learningRate = Check.nonNegative(name, "learningRate", learningRate);
    }

    /**
     * Updates {@code p.value()} in place from {@code p.grad()}.
     *
     * @param buffers {@code bufferCount} tensors shaped like the parameter, zero before its first step
     * @param step    1 on the parameter's first update, then 2, 3, ...
     * @param lr      the current learning rate
     */
    abstract void update(Parameter p, Tensor[] buffers, int step, double lr);

    @Override
    public final void step(List<Parameter> params) {
        Objects.requireNonNull(params, "params");
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        Map<Parameter, Boolean> seen = new IdentityHashMap<>(params.size() * 2);
        for (Parameter p : params) {
            if (seen.put(Objects.requireNonNull(p, "parameter"), Boolean.TRUE) != null) {
                throw new IllegalArgumentException(name + ": parameter " + p.name()
                        + " appears more than once in the list; each would be updated twice");
            }
        }
        for (Parameter p : params) {
            State state = states.computeIfAbsent(p, this::newState);
            state.steps++;
            update(p, state.buffers, state.steps, learningRate);
        }
        iterations++;
    }

    private State newState(Parameter p) {
        Tensor[] buffers = new Tensor[bufferCount];
        for (int i = 0; i < bufferCount; i++) {
            buffers[i] = scope.zeros(p.value().shape());
        }
        return new State(buffers);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double rate) {
        learningRate = Check.nonNegative(name, "learningRate", rate);
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
