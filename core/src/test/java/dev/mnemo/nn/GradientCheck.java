package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.FiniteDifference;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Finite-difference checks of graphs with several differentiable inputs and outputs: the loss is
 * {@code L = Σ_k Σ out_k ⊙ R_k} for fixed random {@code R_k}, its analytic gradient comes from
 * {@link Tape#backward}, and every parameter and input is compared with central differences.
 */
final class GradientCheck {
    private final KernelBackend kernels;
    private final Scope scope;
    private final TestData data;

    GradientCheck(KernelBackend kernels, Scope scope, TestData data) {
        this.kernels = kernels;
        this.scope = scope;
        this.data = data;
    }

    /** A differentiable input: its value, the gradient slot and the sequence lengths it carries. */
    record Input(Parameter slot, int[] lengths) {
        /** The input on {@code tape}: requires a gradient on a training tape, carries the lengths. */
        Variable on(Tape tape) {
            Variable v = tape.parameter(slot);
            return tape.result(v.value(), lengths, gy -> tape.kernels().axpy(1f, gy, tape.grad(v)), v);
        }
    }

    Input input(String name, Tensor value, int[] lengths) {
        return new Input(new Parameter(name, value, scope.zeros(value.shape())), lengths);
    }

    /**
     * Checks the gradients of {@code params} and {@code inputs}; returns the worst error as a
     * fraction of the tolerance.
     */
    double check(String label, List<Parameter> params, List<Input> inputs, Function<Tape, List<Variable>> graph) {
        List<Tensor> weights = new ArrayList<>();
        try (Tape probe = Tape.inference(kernels)) {
            for (Variable out : graph.apply(probe)) {
                weights.add(data.uniform(out.shape()));
            }
        }
        List<Parameter> all = new ArrayList<>(params);
        inputs.forEach(i -> all.add(i.slot()));
        all.forEach(Parameter::zeroGrad);
        try (Tape tape = Tape.training(kernels, new Random(0))) {
            List<Variable> outs = graph.apply(tape);
            Variable loss = null;
            for (int k = 0; k < outs.size(); k++) {
                Variable term = MathOps.sum(tape, MathOps.mul(tape, outs.get(k), tape.input(weights.get(k))));
                loss = loss == null ? term : MathOps.add(tape, loss, term);
            }
            tape.backward(loss);
        }
        FiniteDifference fd = FiniteDifference.forFloat32();
        // The loss is measured on a training tape with the same dropout seed as the analytic pass, so
        // layers that act differently in training (dropout, batch statistics) are differentiated as trained.
        java.util.function.DoubleSupplier loss = () -> {
            try (Tape tape = Tape.training(kernels, new Random(0))) {
                List<Variable> outs = graph.apply(tape);
                double sum = 0;
                for (int k = 0; k < outs.size(); k++) {
                    sum += TestData.dot(outs.get(k).value(), weights.get(k));
                }
                return sum;
            }
        };
        for (Parameter p : all) {
            fd.check(label + " d" + p.name(), p.value(), p.grad(), loss, 30);
        }
        System.out.printf("%s: %d gradients match finite differences (worst %.2f of tolerance)%n", label, all.size(),
                fd.worstFraction());
        return fd.worstFraction();
    }

    /**
     * Builds {@code layer} for the per-sample shape of {@code x} (time axis -1 when lengths are
     * given) and checks its parameters and input.
     */
    double layer(Layer layer, Tensor x, int[] lengths) {
        if (layer.name() == null) {
            ((LayerBase) layer).setName(layer.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
        int[] sampleShape = Arrays.copyOfRange(x.shape(), 1, x.rank());
        if (lengths != null) {
            sampleShape[0] = -1;
        }
        layer.build(sampleShape, new BuildContext(scope, new Random(3)));
        Input in = input("x", x, lengths);
        return check(layer.name(), layer.parameters(), List.of(in), tape -> List.of(layer.forward(tape, in.on(tape))));
    }
}
