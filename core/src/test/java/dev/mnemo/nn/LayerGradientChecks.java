package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.FiniteDifference;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every layer's gradients (parameters and input) against central finite differences of the
 * layer's own forward pass, with masks: {@code L = Σ out ⊙ R} for a random {@code R}.
 *
 * <p>Run on every backend through {@link dev.mnemo.train.ModelConformanceSuite}.
 */
public abstract class LayerGradientChecks {
    /** The backend under test. */
    protected abstract KernelBackend backend();

    private final Scope scope = Scope.open();
    private final Random random = new Random(11);
    private final TestData data = new TestData(scope, random);

    @AfterEach
    void close() {
        scope.close();
    }

    /** Builds {@code layer} for {@code inputShape}, then checks d/dparams and d/dx. */
    private void check(Layer layer, Tensor x, int[] lengths, boolean inputIsDifferentiable) {
        int[] sampleShape = java.util.Arrays.copyOfRange(x.shape(), 1, x.rank());
        if (lengths != null && sampleShape.length >= 1) {
            sampleShape[0] = -1; // variable-length time axis
        }
        layer.build(sampleShape, new BuildContext(scope, new Random(3)));
        Parameter input = new Parameter("x", x, scope.zeros(x.shape()));
        Tensor r;
        try (Tape probe = Tape.inference(backend())) {
            r = data.uniform(layer.forward(probe, probe.input(x, lengths)).shape());
        }
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        try (Tape tape = Tape.training(backend(), new Random(0))) {
            Variable in = inputIsDifferentiable ? withLengths(tape, tape.parameter(input), lengths) : tape.input(x, lengths);
            Variable out = layer.forward(tape, in);
            tape.backward(MathOps.sum(tape, MathOps.mul(tape, out, tape.input(r))));
        }
        FiniteDifference fd = FiniteDifference.forFloat32();
        java.util.function.DoubleSupplier loss = () -> {
            try (Tape tape = Tape.inference(backend())) {
                return TestData.dot(layer.forward(tape, tape.input(x, lengths)).value(), r);
            }
        };
        for (Parameter p : layer.parameters()) {
            fd.check(layer.name() + " d" + p.name(), p.value(), p.grad(), loss, 30);
        }
        if (inputIsDifferentiable) {
            fd.check(layer.name() + " dx", x, input.grad(), loss, 30);
        }
        System.out.printf("%s: gradients match finite differences (worst %.2f of tolerance)%n", layer.config(),
                fd.worstFraction());
    }

    /** A differentiable input that carries lengths: {@code 0·(x with lengths) + x} keeps the first operand's lengths. */
    private static Variable withLengths(Tape tape, Variable v, int[] lengths) {
        if (lengths == null) {
            return v;
        }
        return MathOps.add(tape, MathOps.scale(tape, tape.input(v.value(), lengths), 0f), v);
    }

    @Test
    void dense() {
        check(new Dense("dense", 5, Activation.TANH, true), data.uniform(4, 3), null, true);
        check(new Dense("dense_seq", 4, null, true), data.uniform(2, 3, 5), null, true);
    }

    @Test
    void embeddingWithMask() {
        Tensor ids = scope.of(new float[] {3, 1, 4, 0, 2, 0, 0, 0, 5, 9, 2, 6}, 3, 4);
        Embedding e = new Embedding("embedding", 10, 3, true);
        check(e, ids, null, false);
    }

    @Test
    void lstmWithPeepholesMasksBidirectionalAndStacking() {
        int[] lengths = {5, 2, 0, 3};
        check(LSTM.builder().name("lstm_seq").units(3).returnSequences(true).build(), data.uniform(4, 5, 2), lengths, true);
        check(LSTM.builder().name("lstm_bi").units(3).layers(2).bidirectional(true).build(),
                data.uniform(4, 5, 2), lengths, true);
        check(LSTM.builder().name("lstm_plain").units(4).peepholes(false).returnSequences(true).build(),
                data.uniform(3, 4, 2), new int[] {4, 1, 3}, true);
    }

    @Test
    void gruWithMasksBidirectionalAndStacking() {
        int[] lengths = {5, 2, 0, 3};
        check(GRU.builder().name("gru_seq").units(3).returnSequences(true).build(), data.uniform(4, 5, 2), lengths, true);
        check(GRU.builder().name("gru_bi").units(3).layers(2).bidirectional(true).build(),
                data.uniform(4, 5, 2), lengths, true);
    }

    @Test
    void sequentialTextClassifier() {
        Tensor ids = scope.of(new float[] {3, 1, 4, 0, 2, 0, 0, 0, 5, 9, 2, 6}, 3, 4);
        Sequential net = Sequential.of(Embedding.masked(10, 3), LSTM.builder().units(4).build(),
                Dense.of(2));
        check(net, ids, null, false);
    }
}
