package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.data.Dataset;
import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.Flatten;
import dev.mnemo.nn.GRU;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Layer;
import dev.mnemo.nn.MaxPool2D;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Model;
import java.util.List;
import java.util.Random;

/**
 * The side-by-side workloads, built exactly as {@code benchmarks/peers/side_by_side.py} builds
 * them in PyTorch (float32, random data, Adam with lr 1e-3, cross-entropy from logits;
 * recurrent layers without peepholes, as {@code torch.nn.LSTM}):
 * <ul>
 *   <li>{@code lstm_train}: LSTM(128 → 256) over {@code [64, 50, 128]}, Dense(256 → 10) on the
 *       last step; one training step.</li>
 *   <li>{@code lstm_infer_b64}, {@code lstm_infer_b1}: the same network, {@code predict} on
 *       batch 64 and batch 1 (latency).</li>
 *   <li>{@code gru_train}: as {@code lstm_train} with a GRU.</li>
 *   <li>{@code cnn_train}: the Fashion-MNIST CNN on {@code [128, 1, 28, 28]}:
 *       Conv(1→32, 3, pad 1)-ReLU-MaxPool2-Conv(32→64, 3, pad 1)-ReLU-MaxPool2-Dense(3136→128)-ReLU-Dense(128→10).</li>
 *   <li>{@code lstm_classifier}: a text classifier end to end: token ids of lengths 20 to 50
 *       (vocabulary 10,000, id 0 = padding), batches of 64 padded and masked by the loader,
 *       Embedding(128)-LSTM(256)-Dense(2).</li>
 * </ul>
 */
final class Workloads {
    /** Names accepted by {@link #create}. */
    static final List<String> NAMES =
            List.of("lstm_train", "lstm_infer_b64", "lstm_infer_b1", "gru_train", "cnn_train", "lstm_classifier");

    private static final int T = 50, I = 128, H = 256, CLASSES = 10;

    private Workloads() {}

    /** Builds workload {@code name} on {@code backend} ({@code default} = the fastest available). */
    static Workload create(String name, String backend) {
        KernelBackend kernels = backend.equals("default") ? Backends.get() : Backends.get(backend);
        Random random = new Random(7);
        return switch (name) {
            case "lstm_train" -> training(recurrentClassifier(lstm()), kernels, 64, frames(random, 4 * 64), -1, I);
            case "gru_train" -> training(recurrentClassifier(GRU.builder().units(H).build()), kernels, 64,
                    frames(random, 4 * 64), -1, I);
            case "lstm_infer_b64" -> predicting(kernels, random, 64);
            case "lstm_infer_b1" -> predicting(kernels, random, 1);
            case "cnn_train" -> training(cnn(), kernels, 128, images(random, 4 * 128), 1, 28, 28);
            case "lstm_classifier" -> training(Sequential.of(Embedding.masked(10_000, 128), lstm(), Dense.of(2)),
                    kernels, 64, sentences(random, 8 * 64), -1);
            default -> throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + NAMES);
        };
    }

    private static LSTM lstm() {
        return LSTM.builder().units(H).peepholes(false).build();
    }

    private static Sequential recurrentClassifier(Layer recurrent) {
        return Sequential.of(recurrent, Dense.of(CLASSES));
    }

    private static Sequential cnn() {
        return Sequential.of(
                Conv2D.builder().filters(32).kernel(3).padding(1).activation(Activation.RELU).build(), MaxPool2D.of(2),
                Conv2D.builder().filters(64).kernel(3).padding(1).activation(Activation.RELU).build(), MaxPool2D.of(2),
                Flatten.of(), Dense.of(128, Activation.RELU), Dense.of(CLASSES));
    }

    private static Workload training(Layer network, KernelBackend kernels, int batch, Dataset data, int... inputShape) {
        Model model = Model.of(network, 42).useKernels(kernels).build(inputShape);
        model.compile(Optimizer.adam(1e-3).build(), Losses.sparseCategoricalCrossEntropy());
        return new TrainingWorkload(model, data, batch);
    }

    private static Workload predicting(KernelBackend kernels, Random random, int batch) {
        Model model = Model.of(recurrentClassifier(lstm()), 42).useKernels(kernels).build(-1, I);
        Scope scope = Scope.open();
        float[] x = new float[batch * T * I];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        Tensor features = scope.of(x, batch, T, I);
        return new PredictWorkload(model, scope, features);
    }

    /** {@code n} sequences {@code [T, I]} of standard-normal frames with random classes. */
    private static Dataset frames(Random random, int n) {
        float[][][] x = new float[n][T][I];
        for (float[][] sample : x) {
            for (float[] frame : sample) {
                gaussian(random, frame);
            }
        }
        return Dataset.ofFrames(x, classes(random, n, CLASSES));
    }

    /** {@code n} images {@code [1, 28, 28]} of standard-normal pixels with random classes. */
    private static Dataset images(Random random, int n) {
        float[][] x = new float[n][28 * 28];
        for (float[] image : x) {
            gaussian(random, image);
        }
        return Dataset.ofImages(x, classes(random, n, CLASSES), 1, 28, 28);
    }

    /** {@code n} token-id sentences of 20 to 50 ids in [1, 10000) with random binary labels. */
    private static Dataset sentences(Random random, int n) {
        int[][] ids = new int[n][];
        for (int s = 0; s < n; s++) {
            ids[s] = new int[20 + random.nextInt(31)];
            for (int t = 0; t < ids[s].length; t++) {
                ids[s][t] = 1 + random.nextInt(9_999);
            }
        }
        return Dataset.ofSequences(ids, classes(random, n, 2));
    }

    private static void gaussian(Random random, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
    }

    private static int[] classes(Random random, int n, int count) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = random.nextInt(count);
        }
        return c;
    }
}
