package dev.mnemo.examples;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;

/**
 * A tour of the kernel SPI: lists the backends on the class path, then runs a peephole LSTM over a
 * padded batch of variable-length sequences, forward and backward, on the default backend.
 */
public final class KernelTour {
    private KernelTour() {}

    public static void main(String[] args) {
        System.out.println("Kernel backends on the class path:");
        for (Backends.Info info : Backends.list()) {
            System.out.printf("  %-10s priority %2d  %s%n", info.name(), info.priority(), info.availability().reason());
        }
        KernelBackend k = Backends.get();
        System.out.printf("Using '%s' with %d thread(s)%n", k.name(), k.threads());

        int steps = 20, batch = 4, input = 8, hidden = 16;
        Random random = new Random(42);
        try (Scope scope = Scope.open()) {
            Tensor x = uniform(scope, random, steps, batch, input);
            LstmWeights w = new LstmWeights(uniform(scope, random, 4 * hidden, input),
                    uniform(scope, random, 4 * hidden, hidden), scope.zeros(4 * hidden), scope.zeros(4 * hidden),
                    uniform(scope, random, hidden), uniform(scope, random, hidden), uniform(scope, random, hidden));
            SeqOptions seq = SeqOptions.lengths(20, 13, 7, 1); // a padded batch: 4 sequences of different lengths
            Tensor y = scope.zeros(steps, batch, hidden);
            Tensor hN = scope.zeros(batch, hidden);
            Tensor workspace = scope.zeros((int) k.lstmWorkspaceSize(steps, batch, input, hidden));
            k.lstmForward(y, hN, null, workspace, x, null, null, w, seq);

            // Loss = sum of the final states; its gradient w.r.t. hN is all ones.
            Tensor dhN = scope.zeros(batch, hidden);
            dhN.fill(1f);
            Tensor dx = scope.zeros(steps, batch, input);
            LstmWeights dw = new LstmWeights(scope.zeros(4 * hidden, input), scope.zeros(4 * hidden, hidden),
                    scope.zeros(4 * hidden), scope.zeros(4 * hidden), scope.zeros(hidden), scope.zeros(hidden),
                    scope.zeros(hidden));
            k.lstmBackward(dx, null, null, dw, null, dhN, null, x, null, null, w, seq, y, workspace);

            System.out.printf("peephole LSTM over lengths %s: |dL/dW_hh| = %.4f, |dL/dw_co| = %.4f%n",
                    java.util.Arrays.toString(seq.lengths()), Math.sqrt(k.sumOfSquares(dw.wHh())),
                    Math.sqrt(k.sumOfSquares(dw.wCo())));
            System.out.printf("padded step t=19 of sample 1 has output %.1f and input gradient %.1f (masked)%n",
                    y.slice(19).slice(1).get(0), dx.slice(19).slice(1).get(0));
        }
    }

    private static Tensor uniform(Scope scope, Random random, int... shape) {
        Tensor t = scope.zeros(shape);
        for (long i = 0; i < t.size(); i++) {
            t.set(i, (random.nextFloat() * 2 - 1) * 0.3f);
        }
        return t;
    }
}
