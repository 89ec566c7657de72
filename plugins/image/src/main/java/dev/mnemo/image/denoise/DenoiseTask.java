package dev.mnemo.image.denoise;

import dev.mnemo.image.ImageTask;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.image.data.ImageGrid;
import dev.mnemo.image.data.ImageSet;
import dev.mnemo.image.data.LabelledImages;
import dev.mnemo.image.data.Normalization;
import dev.mnemo.image.data.TaskImages;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.task.TrainedOn;
import dev.mnemo.train.History;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Model;
import dev.mnemo.train.callbacks.EarlyStopping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code denoise}: a convolutional denoising autoencoder ({@link DenoiseNetwork}) that removes
 * Gaussian noise from images, trained on Fashion-MNIST or on the user's folder of images.
 *
 * <p>Training pairs are (noisy, clean) with fresh noise of {@code --sigma} at every epoch
 * ({@link NoisyImages}); validation and test images carry fixed noise drawn from the split seed, so
 * {@code eval} meets the same noisy images. Adam minimises the mean squared error, with early
 * stopping on the validation loss. Reported on the test images: the per-image PSNR averaged over
 * them, of the noisy input ({@code noisy_psnr_db}) and of the denoised output ({@code psnr_db}).
 * {@code --out} with {@code train} or {@code eval} writes a PNG of noisy, denoised and clean rows.
 */
@Extension
public final class DenoiseTask extends ImageTask {
    static final String VERSION = "1";
    private static final int EPOCHS = 6;
    private static final int BATCH_SIZE = 64;
    private static final double LEARNING_RATE = 1e-3;
    /** Test images shown in the sample grid. */
    private static final int SAMPLES = 8;

    public DenoiseTask() {
        super("denoise", "remove Gaussian noise from images: a convolutional autoencoder (Fashion-MNIST, or your folder of images)",
                VERSION);
    }

    @Override
    public List<TaskOption> options() {
        return DenoiseSettings.options();
    }

    @Override
    public TaskResult train(TaskRun run) throws IOException {
        if (run.resume()) {
            throw new TaskUsageException(name() + " does not resume training; train afresh (without --resume)");
        }
        DenoiseSettings settings = DenoiseSettings.from(run.options());
        LabelledImages images = images(run.data(), run.testData(), settings);
        TaskResult.Builder result = TaskResult.builder(name(), images.name()).model(run.model());
        LabelledImages.Parts parts = images.split(run.validationSplit(), run.testSplit(), run.splitSeed());
        ImageSet train = parts.train();
        ImageFormat format = new ImageFormat(train.channels(), train.height(), train.width(), Normalization.identity(train.channels()));
        run.log(name() + ": " + images.name() + ", " + train.channels() + "x" + train.height() + "x" + train.width() + " images, "
                + train.size() + " train / " + parts.validation().size() + " validation / " + parts.test().size()
                + " test, noise sigma " + settings.sigma());
        try (Model model = Model.of(DenoiseNetwork.build(format.channels(), format.height(), format.width(), settings.filters()),
                run.seed())) {
            model.useKernels(run.backend()).build(format.shape());
            model.compile(Optimizer.adam(run.learningRateOr(LEARNING_RATE)).build(), Losses.meanSquaredError());
            EarlyStopping stopping = EarlyStopping.builder().monitor("val_loss").patience(settings.patience())
                    .restoreBestWeights(true).build();
            long start = System.nanoTime();
            History history = model.fit(NoisyImages.training(train, settings.sigma(), run.seed()))
                    .validationData(NoisyImages.fixed(parts.validation(), settings.sigma(), run.splitSeed()))
                    .epochs(run.epochsOr(EPOCHS)).batchSize(run.batchSizeOr(BATCH_SIZE)).shuffle(run.seed())
                    .callbacks(stopping).callbacks(run.callbacks()).run();
            double trainingSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, String> entries = new LinkedHashMap<>(format.metadata());
            entries.putAll(TaskModelFile.entries(run, null));
            entries.put("task.sigma", Double.toString(settings.sigma()));
            TaskModelFile.save(this, model, run.model(), entries);
            result.backend(model.kernels().name())
                    .metric("validation_loss", stopping.best())
                    .detail("train_samples", train.size())
                    .detail("validation_samples", parts.validation().size())
                    .detail("sigma", settings.sigma())
                    .detail("parameters", model.parameterCount())
                    .detail("epochs_run", history.epochs().size())
                    .detail("best_epoch", stopping.bestEpoch() + 1)
                    .detail("training_seconds", trainingSeconds)
                    .detail("seed", run.seed());
            return measure(result, model, format, parts.test(), settings.sigma(), run.splitSeed(), run.out()).build();
        }
    }

    @Override
    public TaskResult evaluate(TaskRun run) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
        try (Model model = loaded.model()) {
            ImageFormat format = ImageFormat.from(loaded.metadata());
            TrainedOn on = TrainedOn.forEvaluation(run, loaded.metadata());
            double sigma = run.options().asMap().containsKey("sigma") && run.data() != null
                    ? run.options().number("sigma") : Double.parseDouble(loaded.get("task.sigma"));
            LabelledImages images = on.data() == null ? TaskImages.builtIn()
                    : TaskImages.folder(on.data(), on.testData(), false, format.channels(), format.height(), format.width());
            ImageSet test = images.split(on.validationSplit(), on.testSplit(), on.splitSeed()).test();
            model.useKernels(run.backend());
            TaskResult.Builder result = TaskResult.builder(name(), images.name()).model(run.model()).backend(model.kernels().name());
            return measure(result, model, format, test, sigma, on.splitSeed(), run.out()).build();
        }
    }

    @Override
    public TaskModel load(Path file) throws IOException {
        return load(file, null);
    }

    /** Denoises the input files, writing each where {@code --out} says (see {@link #outputFor}). */
    @Override
    public List<Prediction> predict(TaskRun run, List<String> inputs) throws IOException {
        try (TaskModel model = load(run.model(), run.out())) {
            return model.predict(inputs);
        }
    }

    private TaskModel load(Path file, Path out) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, file);
        return new DenoiserModel(loaded.model(), ImageFormat.from(loaded.metadata()), loaded.metadata(),
                (input, index, count) -> outputFor(input, count, out));
    }

    /**
     * Where the denoised {@code input} goes: {@code out} itself when it is the only input and
     * {@code out} is not a folder; else {@code NAME-denoised.png} in the folder {@code out}, or
     * beside the input when there is no {@code out}.
     */
    static Path outputFor(Path input, int count, Path out) {
        String name = input.getFileName().toString();
        String denoised = (name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + "-denoised.png";
        if (out == null) {
            return input.resolveSibling(denoised);
        }
        return count == 1 && !Files.isDirectory(out) ? out : out.resolve(denoised);
    }

    @Override
    protected LabelledImages readImages(TaskRun run) {
        return images(run.data(), run.testData(), DenoiseSettings.from(run.options()));
    }

    /** PSNR of the noisy and the denoised test images; with {@code out}, a grid of noisy / denoised / clean rows. */
    private static TaskResult.Builder measure(TaskResult.Builder result, Model model, ImageFormat format, ImageSet test,
            double sigma, long noiseSeed, Path out) throws IOException {
        NoisyImages noisy = NoisyImages.fixed(test, sigma, noiseSeed);
        float[][] denoised = predictAll(model, noisy);
        double noisyDb = 0, denoisedDb = 0;
        for (int i = 0; i < test.size(); i++) {
            noisyDb += Psnr.decibels(noisy.noisy(i), test.pixels()[i]);
            denoisedDb += Psnr.decibels(denoised[i], test.pixels()[i]);
        }
        result.metric("noisy_psnr_db", noisyDb / test.size())
                .metric("psnr_db", denoisedDb / test.size())
                .metric("test_mse", testMse(denoised, test))
                .detail("test_samples", test.size());
        if (out != null) {
            int shown = Math.min(SAMPLES, test.size());
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                rows.add(noisy.noisy(i));
            }
            for (int i = 0; i < shown; i++) {
                rows.add(denoised[i]);
            }
            for (int i = 0; i < shown; i++) {
                rows.add(test.pixels()[i]);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            ImageGrid.writePng(rows, format.channels(), format.height(), format.width(), shown, 3, out);
            result.output(out);
        }
        return result;
    }

    private static double testMse(float[][] denoised, ImageSet test) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < test.size(); i++) {
            for (int j = 0; j < denoised[i].length; j++) {
                double d = denoised[i][j] - test.pixels()[i][j];
                sum += d * d;
            }
            count += denoised[i].length;
        }
        return sum / count;
    }

    private static float[][] predictAll(Model model, NoisyImages noisy) {
        float[][] out = new float[noisy.size()][];
        int batch = 256;
        for (int start = 0; start < noisy.size(); start += batch) {
            int n = Math.min(batch, noisy.size() - start);
            float[][] inputs = new float[n][];
            for (int i = 0; i < n; i++) {
                inputs[i] = noisy.noisy(start + i);
            }
            float[][] predicted = model.predict(inputs);
            System.arraycopy(predicted, 0, out, start, n);
        }
        return out;
    }

    /** The built-in set, or the user's folder of images read at the size the settings ask for. */
    private static LabelledImages images(Path data, Path testData, DenoiseSettings s) {
        if (data == null) {
            return TaskImages.builtIn();
        }
        int[] shape = TaskImages.shape(data, false, s.channels(), s.height(), s.width(), DenoiseNetwork.SIZE_MULTIPLE);
        return TaskImages.folder(data, testData, false, shape[0], shape[1], shape[2]);
    }
}
