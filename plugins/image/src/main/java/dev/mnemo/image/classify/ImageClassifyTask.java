package dev.mnemo.image.classify;

import dev.mnemo.data.DataLoader;
import dev.mnemo.image.ImageTask;
import dev.mnemo.image.data.AugmentedImages;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.image.data.ImageSet;
import dev.mnemo.image.data.LabelledImages;
import dev.mnemo.image.data.Normalization;
import dev.mnemo.image.data.TaskImages;
import dev.mnemo.optim.LearningRateSchedule;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.task.Confusion;
import dev.mnemo.task.ConfusionChart;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.task.TrainedOn;
import dev.mnemo.train.History;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Metrics;
import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import dev.mnemo.train.callbacks.EarlyStopping;
import dev.mnemo.train.callbacks.LearningRateScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code image-classify}: a CNN ({@link CnnNetwork}) that tells classes of images apart, by
 * default the ten kinds of clothing of Fashion-MNIST, or the user's own folder of classes.
 *
 * <p>Training: validation is split off the training images (stratified, the run's split seed);
 * the test set is Fashion-MNIST's own 10,000 test images, or split off the user's data, or the
 * user's {@code --test-data}. Pixels are standardised per channel with the training split's mean
 * and deviation; training images may be augmented afresh each epoch (seeded; off by default);
 * Adam trains with a cosine decay of the learning rate to 1 % over the epochs, and early stopping
 * on {@code val_accuracy} restores the best epoch's weights; the test set is measured once, at
 * the end. {@code --resume} continues from the model file, its optimizer state included. The
 * model file holds the image format (channels, size, normalisation), the class names and where
 * the data came from, so {@code eval} measures the same test set again and {@code predict} reads
 * any image file as training did.
 */
@Extension
public final class ImageClassifyTask extends ImageTask {
    /** The model format this class writes; raised when a saved model could no longer be read. */
    static final String VERSION = "1";
    private static final int EPOCHS = 20;
    private static final int BATCH_SIZE = 64;
    private static final double LEARNING_RATE = 1e-3;
    /** The cosine schedule ends at this fraction of the initial learning rate. */
    private static final double FINAL_RATE_FACTOR = 0.01;

    public ImageClassifyTask() {
        super("image-classify", "CNN image classification: Fashion-MNIST clothing, or your folder of class subfolders",
                VERSION);
    }

    @Override
    public List<TaskOption> options() {
        return CnnSettings.options();
    }

    @Override
    public TaskResult train(TaskRun run) throws IOException {
        CnnSettings settings = CnnSettings.from(run.options());
        TaskModelFile.Loaded prior = run.resume() ? TaskModelFile.load(this, run.model()) : null;
        ImageFormat saved = prior == null ? null : ImageFormat.from(prior.metadata());
        LabelledImages images = saved == null ? images(run.data(), run.testData(), settings) : run.data() == null
                ? TaskImages.builtIn() : TaskImages.folder(run.data(), run.testData(), true, saved.channels(), saved.height(), saved.width());
        TaskResult.Builder result = TaskResult.builder(name(), images.name()).model(run.model());
        LabelledImages.Parts parts = images.split(run.validationSplit(), run.testSplit(), run.splitSeed());
        ImageSet train = parts.train();
        ImageFormat format = saved != null ? saved : new ImageFormat(train.channels(), train.height(), train.width(), Normalization.of(train));
        run.log(name() + ": " + images.name() + ", " + images.classes().size() + " classes of " + train.channels() + "x"
                + train.height() + "x" + train.width() + " images, " + train.size() + " train / " + parts.validation().size()
                + " validation / " + parts.test().size() + " test" + (prior == null ? "" : ", resuming " + run.model()));
        if (prior != null && !prior.labels().equals(images.classes())) {
            prior.model().close();
            throw new TaskUsageException("--resume: " + run.model() + " was trained on the classes " + prior.labels()
                    + " but the data has " + images.classes());
        }
        try (Model model = prior != null ? prior.model() : Model.of(CnnNetwork.build(settings, images.classes().size()), run.seed())) {
            if (prior == null) {
                model.build(format.shape());
            }
            model.useKernels(run.backend());
            model.compile(Optimizer.adam(run.learningRateOr(LEARNING_RATE)).build(),
                    Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            if (prior != null) {
                ModelFile.restoreOptimizer(model, run.model());
            }
            EarlyStopping stopping = EarlyStopping.builder().monitor("val_accuracy").patience(settings.patience())
                    .restoreBestWeights(true).build();
            long start = System.nanoTime();
            int epochs = run.epochsOr(EPOCHS);
            double rate = run.learningRateOr(LEARNING_RATE);
            History history = model.fit(new AugmentedImages(train, settings.augmentation(), run.seed(), format.normalization()))
                    .validationData(parts.validation().toDataset(format.normalization()))
                    .epochs(epochs).batchSize(run.batchSizeOr(BATCH_SIZE)).shuffle(run.seed())
                    .callbacks(new LearningRateScheduler(LearningRateSchedule.cosine(epochs, rate * FINAL_RATE_FACTOR)))
                    .callbacks(stopping).callbacks(run.callbacks()).run();
            double trainingSeconds = (System.nanoTime() - start) / 1e9;

            Model.Evaluation test = evaluate(model, parts.test(), format);
            Map<String, String> entries = new LinkedHashMap<>(format.metadata());
            entries.putAll(TaskModelFile.entries(run, images.classes()));
            TaskModelFile.save(this, model, run.model(), entries);
            result.backend(model.kernels().name())
                    .metric("test_accuracy", test.logs().get("accuracy"))
                    .metric("test_loss", test.logs().get("loss"))
                    .metric("validation_accuracy", stopping.best())
                    .detail("train_samples", train.size())
                    .detail("validation_samples", parts.validation().size())
                    .detail("test_samples", parts.test().size())
                    .detail("classes", images.classes())
                    .detail("parameters", model.parameterCount())
                    .detail("epochs_run", history.epochs().size())
                    .detail("best_epoch", stopping.bestEpoch() + 1)
                    .detail("training_seconds", trainingSeconds)
                    .detail("train_images_per_second", train.size() * history.epochs().size() / trainingSeconds)
                    .detail("seed", run.seed());
            return withConfusion(result, test, images.classes(), run.out()).build();
        }
    }

    @Override
    public TaskResult evaluate(TaskRun run) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
        try (Model model = loaded.model()) {
            ImageFormat format = ImageFormat.from(loaded.metadata());
            List<String> labels = loaded.labels();
            TrainedOn on = TrainedOn.forEvaluation(run, loaded.metadata());
            LabelledImages images = on.data() == null ? TaskImages.builtIn()
                    : TaskImages.folder(on.data(), on.testData(), true, format.channels(), format.height(), format.width());
            if (!images.classes().equals(labels)) {
                throw new TaskUsageException(images.name() + " has the classes " + images.classes() + " but the model "
                        + run.model() + " was trained on " + labels);
            }
            ImageSet test = images.split(on.validationSplit(), on.testSplit(), on.splitSeed()).test();
            model.useKernels(run.backend());
            model.compile(Optimizer.adam(LEARNING_RATE).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            Model.Evaluation result = evaluate(model, test, format);
            TaskResult.Builder builder = TaskResult.builder(name(), images.name()).model(run.model())
                    .backend(model.kernels().name())
                    .metric("test_accuracy", result.logs().get("accuracy"))
                    .metric("test_loss", result.logs().get("loss"))
                    .detail("test_samples", test.size());
            return withConfusion(builder, result, labels, run.out()).build();
        }
    }

    @Override
    public TaskModel load(Path file) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, file);
        return new ImageClassifierModel(loaded.model(), ImageFormat.from(loaded.metadata()), loaded.labels(), loaded.metadata());
    }

    @Override
    protected LabelledImages readImages(TaskRun run) {
        return images(run.data(), run.testData(), CnnSettings.from(run.options()));
    }

    private static Model.Evaluation evaluate(Model model, ImageSet images, ImageFormat format) {
        return model.evaluate(DataLoader.builder(images.toDataset(format.normalization())).batchSize(256).build());
    }

    /** Adds the test confusion matrix, and writes it as a PNG when {@code out} is given. */
    private static TaskResult.Builder withConfusion(TaskResult.Builder result, Model.Evaluation test, List<String> labels, Path out)
            throws IOException {
        Confusion confusion = new Confusion(labels, test.confusion().counts());
        result.confusion(confusion);
        if (out != null) {
            ConfusionChart.writePng(confusion, out);
            result.output(out);
        }
        return result;
    }

    /** The built-in set, or the user's folder read at the size the settings ask for (or the images' own). */
    private static LabelledImages images(Path data, Path testData, CnnSettings s) {
        if (data == null) {
            return TaskImages.builtIn();
        }
        int[] shape = TaskImages.shape(data, true, s.channels(), s.height(), s.width(), 1);
        return TaskImages.folder(data, testData, true, shape[0], shape[1], shape[2]);
    }
}
