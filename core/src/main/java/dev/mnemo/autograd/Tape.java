package dev.mnemo.autograd;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.MemoryPool;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One forward (and optionally backward) pass: the kernel backend to run on, the scope that owns
 * the pass's memory, whether this is training (dropout active, graph recorded) and the random
 * source for dropout masks.
 *
 * <pre>{@code
 * try (Tape tape = Tape.training(kernels, random)) {
 *     Variable loss = lossFn.compute(tape, model.forward(tape, tape.input(x)), targets);
 *     tape.backward(loss);            // accumulates into every Parameter.grad()
 * }                                   // frees activations, workspaces, intermediate gradients
 * }</pre>
 */
public final class Tape implements AutoCloseable {
    private final KernelBackend kernels;
    private final Scope scope;
    private final boolean training;
    private final Random random;
    private final List<Runnable> backwardSteps = new ArrayList<>();
    private boolean backwardDone;

    private Tape(KernelBackend kernels, boolean training, Random random, MemoryPool pool) {
        this.kernels = kernels;
        this.scope = pool == null ? Scope.open() : Scope.open(pool);
        this.training = training;
        this.random = random;
    }

    /** A training pass: records the graph, dropout active, masks drawn from {@code random}. */
    public static Tape training(KernelBackend kernels, Random random) {
        return new Tape(kernels, true, random, null);
    }

    /** A training pass whose memory comes from {@code pool} and returns to it when the tape closes. */
    public static Tape training(KernelBackend kernels, Random random, MemoryPool pool) {
        return new Tape(kernels, true, random, pool);
    }

    /** An inference pass: nothing recorded, dropout off. */
    public static Tape inference(KernelBackend kernels) {
        return new Tape(kernels, false, new Random(0), null);
    }

    /** An inference pass with memory from {@code pool}. */
    public static Tape inference(KernelBackend kernels, MemoryPool pool) {
        return new Tape(kernels, false, new Random(0), pool);
    }

    public KernelBackend kernels() {
        return kernels;
    }

    /** Whether this is a training pass (dropout on, graph recorded). */
    public boolean isTraining() {
        return training;
    }

    public Random random() {
        return random;
    }

    /** The scope that owns this pass's memory (batches for the step can be allocated here). */
    public Scope scope() {
        return scope;
    }

    /** A zero tensor that lives until the tape closes. */
    public Tensor zeros(int... shape) {
        return scope.zeros(shape);
    }

    /** A constant input (no gradient). */
    public Variable input(Tensor value) {
        return new Variable(value, null, false, null);
    }

    /** A constant batch-first sequence input {@code [B, T, ...]} with per-sample lengths (null: all valid). */
    public Variable input(Tensor value, int[] lengths) {
        if (lengths != null && lengths.length != value.dim(0)) {
            throw new IllegalArgumentException("lengths has " + lengths.length + " entries but the batch " + value
                    + " has " + value.dim(0) + " samples");
        }
        return new Variable(value, null, false, lengths);
    }

    /** A parameter: its gradient accumulates into {@link Parameter#grad()} when training. */
    public Variable parameter(Parameter p) {
        return new Variable(p.value(), p.grad(), training, null);
    }

    /** The backward step of a single-output op: receives the output's gradient, accumulates into the inputs'. */
    @FunctionalInterface
    public interface Backward {
        void run(Tensor outputGrad);
    }

    /**
     * The result of an op. It requires a gradient when any input does and the tape is training;
     * then {@code backward} is recorded and runs during {@link #backward(Variable)} with the
     * output's gradient (skipped when nothing downstream produced one).
     */
    public Variable result(Tensor value, int[] lengths, Backward backward, Variable... inputs) {
        boolean needsGrad = anyRequiresGrad(inputs);
        Variable out = new Variable(value, null, needsGrad, lengths);
        if (needsGrad) {
            backwardSteps.add(() -> {
                Tensor g = out.gradOrNull();
                if (g != null) {
                    backward.run(g);
                }
            });
        }
        return out;
    }

    /** Records a backward step for an op with several outputs (created with {@link #output}). */
    public void record(Runnable backward) {
        if (training) {
            backwardSteps.add(backward);
        }
    }

    /** An output of a multi-output op; {@code requiresGrad} as computed by the op. */
    public Variable output(Tensor value, boolean requiresGrad, int[] lengths) {
        return new Variable(value, null, training && requiresGrad, lengths);
    }

    /** Whether any of the variables needs a gradient on this tape. */
    public boolean anyRequiresGrad(Variable... inputs) {
        return training && Arrays.stream(inputs).anyMatch(v -> v != null && v.requiresGrad());
    }

    /**
     * The gradient tensor of {@code v}, allocated as zeros on first use; null when {@code v} does
     * not require a gradient (so backward ops skip it).
     */
    public Tensor grad(Variable v) {
        if (v == null || !v.requiresGrad()) {
            return null;
        }
        if (v.gradOrNull() == null) {
            v.setGrad(scope.zeros(v.shape()));
        }
        return v.gradOrNull();
    }

    /**
     * Backpropagates from a scalar (one-element) loss: seeds its gradient with 1 and runs every
     * recorded step in reverse order. Gradients accumulate into parameters' gradients.
     */
    public void backward(Variable loss) {
        if (!training) {
            throw new IllegalStateException("backward on an inference tape: use Tape.training(...)");
        }
        if (backwardDone) {
            throw new IllegalStateException("backward already ran on this tape; open a new tape per step");
        }
        if (loss.value().size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar loss, got " + loss);
        }
        if (!loss.requiresGrad()) {
            throw new IllegalArgumentException("the loss does not depend on any parameter");
        }
        backwardDone = true;
        grad(loss).fill(1f);
        for (int i = backwardSteps.size() - 1; i >= 0; i--) {
            backwardSteps.get(i).run();
        }
    }

    /** Bytes allocated by this pass so far. */
    public long allocatedBytes() {
        return scope.allocatedBytes();
    }

    /** Frees everything the pass allocated. */
    @Override
    public void close() {
        scope.close();
    }
}
