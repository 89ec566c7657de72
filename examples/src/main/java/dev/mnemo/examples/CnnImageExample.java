package dev.mnemo.examples;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.kernel.Activation;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Dropout;
import dev.mnemo.nn.Flatten;
import dev.mnemo.nn.MaxPool2D;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Metrics;
import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import dev.mnemo.train.callbacks.ProgressBar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A CNN on images: tells a horizontal bar, a vertical bar, a diagonal and a cross apart in noisy
 * 16×16 grayscale pictures made here (so the example needs no download), at any position. Builds
 * Conv2D → MaxPool → Conv2D → MaxPool → Flatten → Dropout → Dense, trains with Adam, reports the
 * test accuracy and confusion matrix, and checks that the saved model predicts the same.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec -Dexample.main=dev.mnemo.examples.CnnImageExample}
 */
public final class CnnImageExample {
    private static final int SIZE = 16;
    private static final List<String> SHAPES = List.of("horizontal", "vertical", "diagonal", "cross");

    private CnnImageExample() {}

    /** Pictures, each {@code [1, 16, 16]} flattened, and their shape classes. */
    private record Pictures(float[][] pixels, int[] labels) {
        Dataset dataset() {
            return Dataset.ofImages(pixels, labels, 1, SIZE, SIZE);
        }
    }

    /** {@code count} noisy pictures of random shapes at random places. */
    private static Pictures pictures(int count, long seed) {
        Random random = new Random(seed);
        float[][] pixels = new float[count][SIZE * SIZE];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int shape = random.nextInt(SHAPES.size());
            labels[n] = shape;
            int row = 3 + random.nextInt(SIZE - 6), col = 3 + random.nextInt(SIZE - 6), half = 2 + random.nextInt(2);
            for (int d = -half; d <= half; d++) {
                switch (shape) {
                    case 0 -> pixels[n][row * SIZE + col + d] = 1f;
                    case 1 -> pixels[n][(row + d) * SIZE + col] = 1f;
                    case 2 -> pixels[n][(row + d) * SIZE + col + d] = 1f;
                    default -> {
                        pixels[n][row * SIZE + col + d] = 1f;
                        pixels[n][(row + d) * SIZE + col] = 1f;
                    }
                }
            }
            for (int i = 0; i < pixels[n].length; i++) {
                pixels[n][i] += 0.3f * (float) random.nextGaussian();
            }
        }
        return new Pictures(pixels, labels);
    }

    public static void main(String[] args) throws IOException {
        Dataset train = pictures(2000, 1).dataset();
        Pictures test = pictures(400, 2);
        Path file = Path.of("target/cnn-shapes.safetensors");
        try (Scope scope = Scope.open(); Model model = Model.of(Sequential.of(
                Conv2D.builder().filters(8).kernel(3).padding("same").activation(Activation.RELU).build(),
                MaxPool2D.of(2),
                Conv2D.builder().filters(16).kernel(3).padding("same").activation(Activation.RELU).build(),
                MaxPool2D.of(2),
                Flatten.of(), Dropout.of(0.25f), Dense.of(SHAPES.size())), 7)) {
            model.build(1, SIZE, SIZE);
            model.compile(Optimizer.adam(3e-3).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            System.out.printf("CNN with %d parameters on %s%n", model.parameterCount(), model.kernels().name());
            model.fit(train).epochs(6).batchSize(32).shuffle(3).validationSplit(0.1)
                    .callbacks(ProgressBar.builder().output(System.out).build()).run();
            Model.Evaluation result = model.evaluate(DataLoader.builder(test.dataset()).batchSize(200).build());
            System.out.printf("test accuracy %.3f on %d pictures (chance 0.25)%n", result.logs().get("accuracy"), 400);
            System.out.println("rows: actual " + SHAPES + ", columns: predicted\n" + result.confusion());
            Tensor probe = scope.zeros(4, 1, SIZE, SIZE);
            for (int i = 0; i < 4; i++) {
                probe.narrow(i, 1).copyFrom(test.pixels()[i]);
            }
            float[] before = model.predict(scope, probe, null).toArray();
            ModelFile.save(model, file);
            try (Model loaded = ModelFile.load(file)) {
                if (!Arrays.equals(before, loaded.predict(scope, probe, null).toArray())) {
                    throw new IllegalStateException("the reloaded model predicts differently");
                }
            }
            System.out.println("saved to " + file + " and reloaded: the same predictions, bit for bit");
        }
    }
}
