package dev.mnemo.train;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.data.Batch;
import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.data.Epoch;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.Buffer;
import dev.mnemo.nn.BuildContext;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.Layer;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.optim.GradientClipping;
import dev.mnemo.optim.NonFiniteGradient;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.MemoryPool;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * A trainable network with the Keras workflow: {@link #compile}, {@link #fit}, {@link #evaluate},
 * {@link #predict}, plus {@link ModelFile#save} / {@link ModelFile#load}.
 *
 * <pre>{@code
 * try (Model model = Model.of(Sequential.of(Embedding.masked(vocab, 64), LSTM.builder().units(128).build(),
 *                                           Dense.of(2)), 42)) {
 *     model.build(-1);                                        // ids [T] per sample, T varies
 *     model.compile(Optimizer.adam(1e-3).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
 *     History h = model.fit(train).validationData(validation).epochs(10)
 *             .callbacks(new EarlyStopping("val_loss", 2, true)).run();
 * }
 * }</pre>
 *
 * <p>The model owns its parameters (freed by {@link #close()}); each training step runs in its
 * own {@link Tape}, so activations and batches are released after the step, into a
 * {@link MemoryPool} the next step reuses (no fresh pages per step; memory stays flat). Same
 * seed, same data, same backend: the same numbers, run after run. A loss or gradient that becomes NaN/Inf stops
 * training with a {@link TrainingDivergedException} before the weights are touched.
 */
public final class Model implements AutoCloseable {
    private final Layer network;
    private final long seed;
    private final Scope parameterScope = Scope.open();
    private final MemoryPool stepMemory = new MemoryPool();
    private final Random dropoutRandom;
    private KernelBackend kernels;
    private int[] inputShape;
    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private Inputs inputs = Inputs.features();
    private double clipNorm;
    private double clipValue;
    private long steps;

    private Model(Layer network, long seed) {
        this.network = network;
        this.seed = seed;
        this.dropoutRandom = new Random(seed ^ 0x5DEECE66DL);
    }

    /** A model around {@code network}; {@code seed} fixes initial weights and dropout masks. */
    public static Model of(Layer network, long seed) {
        return new Model(network, seed);
    }

    public Layer network() {
        return network;
    }

    public long seed() {
        return seed;
    }

    /** Runs on {@code kernels} instead of {@link Backends#get()}. */
    public Model useKernels(KernelBackend kernels) {
        this.kernels = kernels;
        return this;
    }

    public KernelBackend kernels() {
        if (kernels == null) {
            kernels = Backends.get();
        }
        return kernels;
    }

    /**
     * Creates the weights for samples of {@code inputShape} (batch axis excluded; {@code -1} for a
     * variable-length time axis), e.g. {@code build(-1)} for token ids, {@code build(1, 28, 28)}.
     */
    public Model build(int... inputShape) {
        if (network.isBuilt()) {
            throw new IllegalStateException("model is already built for input " + Arrays.toString(this.inputShape));
        }
        network.build(inputShape, new BuildContext(parameterScope, new Random(seed)));
        this.inputShape = inputShape.clone();
        return this;
    }

    /** Per-sample input shape given to {@link #build}. */
    public int[] inputShape() {
        requireBuilt();
        return inputShape.clone();
    }

    /** Sets the optimizer, loss and metrics used by {@link #fit} and {@link #evaluate}. */
    public Model compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        if (optimizer == null || loss == null) {
            throw new IllegalArgumentException("compile needs an optimizer and a loss");
        }
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.of(metrics);
        return this;
    }

    /** Clips the gradients' global L2 norm to {@code maxNorm} before each step (0 disables). */
    public Model clipGradientNorm(double maxNorm) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("maxNorm must be >= 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clips each gradient element to {@code [-limit, limit]} before each step (0 disables). */
    public Model clipGradientValue(double limit) {
        if (!(limit >= 0)) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        this.clipValue = limit;
        return this;
    }

    /** How batches become the network's inputs (default: the features; see {@link Inputs#teacherForcing}). */
    public Model inputs(Inputs inputs) {
        this.inputs = inputs;
        return this;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public List<Parameter> parameters() {
        return network.parameters();
    }

    /** The network's buffers (running statistics): saved and restored with the weights, never trained. */
    public List<Buffer> buffers() {
        return network.buffers();
    }

    /** Parameters and buffers by name, in a stable order: what a model file and a weight snapshot hold. */
    public Map<String, Tensor> state() {
        return network.state();
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return parameters().stream().mapToLong(Parameter::size).sum();
    }

    // ------------------------------------------------------------------ training

    /** Keras-style training on a dataset: {@code model.fit(data).epochs(10).validationSplit(0.2).run()}. */
    public Fit fit(Dataset data) {
        return new Fit(this, data, null);
    }

    /** Training on batches a {@link DataLoader} makes: {@code model.fit(loader).validationData(v).epochs(10).run()}. */
    public Fit fit(DataLoader train) {
        return new Fit(this, null, train);
    }

    /**
     * Trains for {@code epochs} passes over {@code train}, evaluating on {@code validation} (may be
     * null) after each; logs {@code loss}, metrics, {@code val_*} and {@code lr} into the history
     * and the callbacks. If training fails (e.g. {@link TrainingDivergedException}), the callbacks'
     * {@code onTrainEnd} still runs before the exception propagates.
     */
    History train(DataLoader train, DataLoader validation, int epochs, List<Callback> callbacks) {
        requireCompiled();
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        History history = new History();
        Context context = new Context(epochs, train.batchesPerEpoch());
        List<Callback> all = List.copyOf(callbacks);
        all.forEach(c -> c.onTrainBegin(context));
        try {
            for (int epoch = 0; epoch < epochs && context.stopReason == null; epoch++) {
                int e = epoch;
                all.forEach(c -> c.onEpochBegin(context, e));
                Map<String, Double> logs = trainEpoch(train, epoch, context, all);
                if (validation != null) {
                    evaluate(validation).logs().forEach((k, v) -> logs.put("val_" + k, v));
                }
                logs.put("lr", optimizer.learningRate());
                history.add(logs);
                all.forEach(c -> c.onEpochEnd(context, e, logs));
            }
        } catch (RuntimeException failure) {
            // Callbacks still see the end of training (early stopping may restore its best weights), as in Keras.
            history.setStopReason("training failed: " + failure.getMessage());
            for (Callback c : all) {
                try {
                    c.onTrainEnd(context, history);
                } catch (RuntimeException inner) {
                    failure.addSuppressed(inner);
                }
            }
            throw failure;
        }
        history.setStopReason(context.stopReason);
        all.forEach(c -> c.onTrainEnd(context, history));
        return history;
    }

    private Map<String, Double> trainEpoch(DataLoader train, int epoch, Context context, List<Callback> callbacks) {
        metrics.forEach(Metric::reset);
        double lossSum = 0;
        long samples = 0;
        int batchIndex = 0;
        try (Epoch batches = train.epoch(epoch)) {
            while (batches.hasNext()) {
                try (Tape tape = Tape.training(kernels(), dropoutRandom, stepMemory)) {
                    Batch batch = batches.next(tape.scope());
                    double value = trainStep(tape, batch, epoch, batchIndex);
                    lossSum += value * batch.size();
                    samples += batch.size();
                }
                Map<String, Double> running = new LinkedHashMap<>();
                running.put("loss", lossSum / samples);
                running.put("samples", (double) samples);
                metrics.forEach(m -> running.put(m.name(), m.result()));
                int b = batchIndex;
                callbacks.forEach(c -> c.onBatchEnd(context, epoch, b, running));
                batchIndex++;
            }
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", samples == 0 ? Double.NaN : lossSum / samples);
        metrics.forEach(m -> logs.put(m.name(), m.result()));
        return logs;
    }

    /** One optimisation step on {@code batch}; returns the batch's mean loss. */
    private double trainStep(Tape tape, Batch batch, int epoch, int batchIndex) {
        requireBuilt();
        List<Parameter> params = parameters();
        params.forEach(Parameter::zeroGrad);
        Variable output = forward(tape, inputs.from(tape, batch));
        Variable value = loss.compute(tape, output, requireTargets(batch));
        double lossValue = value.value().get(0);
        String where = "epoch " + (epoch + 1) + ", batch " + (batchIndex + 1) + " (step " + (steps + 1) + ")";
        if (!Double.isFinite(lossValue)) {
            throw new TrainingDivergedException("loss became " + lossValue + " at " + where
                    + "; weights are those of the last good step. Lower the learning rate or clip gradients.");
        }
        tape.backward(value);
        Optional<NonFiniteGradient> bad = NonFiniteGradient.find(params);
        if (bad.isPresent()) {
            throw new TrainingDivergedException("gradient became non-finite at " + where + ": "
                    + bad.get().describe() + "; weights are those of the last good step");
        }
        if (clipValue > 0) {
            GradientClipping.byValue(params, clipValue);
        }
        if (clipNorm > 0) {
            GradientClipping.byGlobalNorm(params, clipNorm);
        }
        optimizer.step(params);
        steps++;
        metrics.forEach(m -> m.update(output, batch.targets()));
        return lossValue;
    }

    // ------------------------------------------------------------------ evaluation and prediction

    /** Loss and metrics over every batch of {@code data}, plus a confusion matrix for classifiers. */
    public Evaluation evaluate(DataLoader data) {
        requireCompiled();
        metrics.forEach(Metric::reset);
        double lossSum = 0;
        long samples = 0;
        ConfusionMatrix confusion = null;
        try (Epoch batches = data.epoch(0)) {
            while (batches.hasNext()) {
                try (Tape tape = Tape.inference(kernels(), stepMemory)) {
                    Batch batch = batches.next(tape.scope());
                    Variable output = forward(tape, inputs.from(tape, batch));
                    Tensor targets = requireTargets(batch);
                    lossSum += loss.compute(tape, output, targets).value().get(0) * (double) batch.size();
                    samples += batch.size();
                    metrics.forEach(m -> m.update(output, targets));
                    int classes = output.value().dim(-1);
                    if (classes > 1 && targets.size() * classes == output.value().size()) {
                        if (confusion == null) {
                            confusion = new ConfusionMatrix(classes);
                        }
                        confusion.update(output, targets);
                    }
                }
            }
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", samples == 0 ? Double.NaN : lossSum / samples);
        metrics.forEach(m -> logs.put(m.name(), m.result()));
        return new Evaluation(logs, confusion);
    }

    /** Results of {@link #evaluate}: logs by name and, for classifiers, the confusion matrix (else null). */
    public record Evaluation(Map<String, Double> logs, ConfusionMatrix confusion) {}

    /**
     * One input of a batch to {@link #predict}: {@code features [B, ...]} and, for sequences, the
     * length of each sample ({@code lengths[b]} steps are real, the rest padding), else null.
     */
    public record Input(Tensor features, int[] lengths) {
        public Input {
            if (features == null) {
                throw new IllegalArgumentException("an input needs a features tensor");
            }
            if (lengths != null && lengths.length != features.dim(0)) {
                throw new IllegalArgumentException("lengths has " + lengths.length + " entries for a batch of "
                        + features.dim(0) + " samples");
            }
        }

        /**
         * Token-id sequences of any lengths as one input: {@code [B, T]} ids in {@code scope},
         * right-padded with id 0 to the longest ({@code T ≥ 1}), with each sample's length.
         */
        public static Input ids(Scope scope, int[][] ids) {
            int longest = 1;
            for (int[] sample : ids) {
                longest = Math.max(longest, sample.length);
            }
            Tensor batch = scope.zeros(ids.length, longest);
            int[] lengths = new int[ids.length];
            for (int b = 0; b < ids.length; b++) {
                lengths[b] = ids[b].length;
                for (int t = 0; t < ids[b].length; t++) {
                    batch.set((long) b * longest + t, ids[b][t]);
                }
            }
            return new Input(batch, lengths);
        }
    }

    /**
     * The network's output for a batch {@code [B, ...]} (inference: dropout off), copied into
     * {@code scope}. {@code lengths} gives sequence lengths, or null.
     */
    public Tensor predict(Scope scope, Tensor features, int[] lengths) {
        return predict(scope, List.of(new Input(features, lengths)));
    }

    /** The output of a network on one or several inputs (several for a {@link Graph}), copied into {@code scope}. */
    public Tensor predict(Scope scope, List<Input> inputs) {
        requireBuilt();
        try (Tape tape = Tape.inference(kernels(), stepMemory)) {
            List<Variable> in = new ArrayList<>();
            for (Input input : inputs) {
                in.add(tape.input(input.features(), input.lengths()));
            }
            return scope.copyOf(forward(tape, in).value());
        }
    }

    /**
     * The outputs for token-id sequences of any lengths, as plain arrays: {@code ids[b]} is one
     * sample (padded here with id 0 to the longest, its length passed on), and row {@code b} of the
     * result is that sample's output, flattened (e.g. the class logits of a classifier).
     */
    public float[][] predict(int[][] ids) {
        try (Scope scope = Scope.open()) {
            return rows(predict(scope, List.of(Input.ids(scope, ids))));
        }
    }

    /**
     * The outputs for fixed-size samples {@code features[b]}, one row per sample, flattened. A sample
     * is a vector, or an image (or any fixed shape) flattened row-major: when the model was built on
     * a shape of that many values ({@code [C, H, W]}), the batch takes that shape.
     */
    public float[][] predict(float[][] features) {
        int width = features.length == 0 ? 0 : features[0].length;
        try (Scope scope = Scope.open()) {
            Tensor batch = scope.zeros(batchShape(features.length, width));
            for (int b = 0; b < features.length; b++) {
                if (features[b].length != width) {
                    throw new IllegalArgumentException("sample " + b + " has " + features[b].length
                            + " features, sample 0 has " + width);
                }
                batch.narrow(b, 1).copyFrom(features[b]);
            }
            return rows(predict(scope, batch, null));
        }
    }

    /** {@code [n, ...inputShape]} when the built input shape is fixed and holds {@code width} values, else {@code [n, width]}. */
    private int[] batchShape(int n, int width) {
        int[] shape = inputShape();
        long values = 1;
        for (int d : shape == null ? new int[] {-1} : shape) {
            values *= d;
        }
        if (shape == null || shape.length < 2 || values != width) {
            return new int[] {n, width};
        }
        int[] batch = new int[shape.length + 1];
        batch[0] = n;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        return batch;
    }

    private static float[][] rows(Tensor output) {
        int batch = output.dim(0);
        int width = (int) (output.size() / Math.max(1, batch));
        float[] all = output.toArray();
        float[][] rows = new float[batch][];
        for (int b = 0; b < batch; b++) {
            rows[b] = Arrays.copyOfRange(all, b * width, (b + 1) * width);
        }
        return rows;
    }

    private Variable forward(Tape tape, List<Variable> in) {
        if (network instanceof Graph graph) {
            return graph.forward(tape, in);
        }
        if (in.size() != 1) {
            throw new IllegalArgumentException("network '" + network.name() + "' takes one input but got " + in.size()
                    + "; several inputs need a functional Graph");
        }
        return network.forward(tape, in.getFirst());
    }

    // ------------------------------------------------------------------ weights

    /** A copy of every parameter's and buffer's values, by name (for snapshots such as early stopping's best weights). */
    public Map<String, float[]> weights() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        state().forEach((name, value) -> copy.put(name, value.toArray()));
        return copy;
    }

    /** Overwrites parameters and buffers from {@code weights}; every one must be present with its size. */
    public void setWeights(Map<String, float[]> weights) {
        state().forEach((name, value) -> {
            float[] values = weights.get(name);
            if (values == null) {
                throw new IllegalArgumentException("no weights for '" + name + "'");
            }
            value.copyFrom(values);
        });
    }

    /** Frees the parameters and the optimizer state. */
    @Override
    public void close() {
        if (optimizer != null) {
            optimizer.close();
        }
        parameterScope.close();
        stepMemory.close();
    }

    private void requireBuilt() {
        if (!network.isBuilt()) {
            throw new IllegalStateException("model is not built: call build(inputShape) first");
        }
    }

    private void requireCompiled() {
        requireBuilt();
        if (optimizer == null) {
            throw new IllegalStateException("model is not compiled: call compile(optimizer, loss, metrics...) first");
        }
    }

    private static Tensor requireTargets(Batch batch) {
        if (batch.targets() == null) {
            throw new IllegalArgumentException("training and evaluation need labelled samples; this batch has no targets");
        }
        return batch.targets();
    }

    /** The callbacks' view of a fit run. */
    private final class Context implements TrainingContext {
        private final int epochs;
        private final OptionalInt batches;
        private String stopReason;

        Context(int epochs, OptionalInt batches) {
            this.epochs = epochs;
            this.batches = batches;
        }

        @Override
        public Model model() {
            return Model.this;
        }

        @Override
        public int epochs() {
            return epochs;
        }

        @Override
        public OptionalInt batchesPerEpoch() {
            return batches;
        }

        @Override
        public void stopTraining(String reason) {
            stopReason = reason;
        }

        @Override
        public double learningRate() {
            return optimizer.learningRate();
        }

        @Override
        public void setLearningRate(double rate) {
            optimizer.setLearningRate(rate);
        }
    }
}
