package dev.mnemo.image.generate;

import dev.mnemo.image.ImageTask;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.image.data.ImageGrid;
import dev.mnemo.image.data.ImageSet;
import dev.mnemo.image.data.LabelledImages;
import dev.mnemo.image.data.Normalization;
import dev.mnemo.image.data.TaskImages;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.task.TaskAction;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.task.TrainedOn;
import dev.mnemo.tensor.MemoryPool;
import dev.mnemo.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code text-to-image}: draws images from a free-text prompt with a conditional VAE
 * ({@link ConditionalVae}) whose decoder is conditioned on a character-level BiLSTM reading of the
 * prompt. Trained on Fashion-MNIST with several phrasings per class (some held out,
 * {@link Prompts}), or on the user's folder of classes with the class names as prompts.
 *
 * <p>Training keeps the epoch with the lowest validation loss (the negative ELBO on the validation
 * split, with noise and phrasings drawn from the split seed). It is then scored once by a judge, an
 * {@code image-classify} model trained apart ({@code --judge}), which never takes part in training
 * or in choosing samples ({@link GenerationScores}). {@code generate} draws {@code --count} images
 * for {@code --prompt} into a PNG grid ({@code --out}).
 */
@Extension
public final class TextToImageTask extends ImageTask {
    static final String VERSION = "1";
    private static final int EPOCHS = 10;
    private static final int BATCH_SIZE = 64;
    private static final double LEARNING_RATE = 1e-3;
    /** Images per row of a grid. */
    private static final int COLUMNS = 8;

    public TextToImageTask() {
        super("text-to-image", "draw an image from a text prompt: a conditional VAE with an LSTM prompt encoder (Fashion-MNIST)",
                VERSION);
    }

    @Override
    public List<TaskOption> options() {
        return TextToImageSettings.options();
    }

    @Override
    public Set<TaskAction> actions() {
        return Set.of(TaskAction.TRAIN, TaskAction.EVALUATE, TaskAction.GENERATE);
    }

    @Override
    public TaskResult train(TaskRun run) throws IOException {
        if (run.resume()) {
            throw new TaskUsageException(name() + " does not resume training; train afresh (without --resume)");
        }
        TextToImageSettings settings = TextToImageSettings.from(run.options());
        try (Judge judge = Judge.load(settings.judge())) {
            LabelledImages images = images(run.data(), run.testData(), settings.size());
            TaskResult.Builder result = TaskResult.builder(name(), images.name()).model(run.model());
            LabelledImages.Parts parts = images.split(run.validationSplit(), run.testSplit(), run.splitSeed());
            ImageSet train = parts.train();
            int[] shape = {train.channels(), train.height(), train.width()};
            Prompts prompts = prompts(run.data(), images.classes());
            judge.requireCompatible(images.classes(), shape);
            run.log(name() + ": " + images.name() + ", " + images.classes().size() + " classes, " + train.size() + " train / "
                    + parts.validation().size() + " validation images; judged by " + settings.judge());
            try (ConditionalVae vae = new ConditionalVae(shape, images.classes().size(), settings.latent(), settings.units(),
                    settings.filters(), settings.classWeight(), run.seed(), run.backend()); MemoryPool memory = new MemoryPool(); Optimizer optimizer =
                    Optimizer.adam(run.learningRateOr(LEARNING_RATE)).build()) {
                Random random = new Random(run.seed());
                int epochs = run.epochsOr(EPOCHS), batch = run.batchSizeOr(BATCH_SIZE), best = -1, ran = 0;
                double bestLoss = Double.POSITIVE_INFINITY;
                Map<String, float[]> bestWeights = null;
                long start = System.nanoTime();
                List<Map<String, Object>> history = new ArrayList<>();
                for (int epoch = 0; epoch < epochs && epoch - best <= settings.patience(); epoch++, ran++) {
                    double loss = vae.trainEpoch(train, prompts.train(), optimizer, batch, random, memory);
                    double validation = vae.validationLoss(parts.validation(), prompts.train(), run.splitSeed(), memory);
                    run.log(String.format(java.util.Locale.ROOT, "epoch %d/%d: loss %.2f, val_loss %.2f (per image)", epoch + 1, epochs,
                            loss, validation));
                    history.add(Map.of("epoch", epoch + 1, "loss", loss, "val_loss", validation));
                    if (validation < bestLoss) {
                        bestLoss = validation;
                        best = epoch;
                        bestWeights = vae.generator().weights();
                    }
                }
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                vae.generator().setWeights(bestWeights);
                ImageFormat format = new ImageFormat(shape[0], shape[1], shape[2], Normalization.identity(shape[0]));
                Map<String, String> entries = new LinkedHashMap<>(format.metadata());
                entries.putAll(TaskModelFile.entries(run, images.classes()));
                entries.put("task.latent", Integer.toString(settings.latent()));
                TaskModelFile.save(this, vae.generator(), run.model(), entries);
                result.backend(vae.generator().kernels().name())
                        .metric("validation_loss", bestLoss)
                        .detail("train_samples", train.size())
                        .detail("parameters", vae.parameters().stream().mapToLong(p -> p.size()).sum())
                        .detail("generator_parameters", vae.generator().parameterCount())
                        .detail("epochs_run", ran)
                        .detail("best_epoch", best + 1)
                        .detail("training_seconds", trainingSeconds)
                        .detail("history", history)
                        .detail("seed", run.seed());
                ImageGenerator generator = new ImageGenerator(vae.generator(), settings.latent(), shape, settings.temperature());
                return score(result, generator, judge, prompts, parts.test(), settings, run).build();
            }
        }
    }

    @Override
    public TaskResult evaluate(TaskRun run) throws IOException {
        TextToImageSettings settings = TextToImageSettings.from(run.options());
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
        try (Model model = loaded.model(); Judge judge = Judge.load(settings.judge())) {
            model.useKernels(run.backend());
            ImageFormat format = ImageFormat.from(loaded.metadata());
            TrainedOn on = TrainedOn.forEvaluation(run, loaded.metadata());
            LabelledImages images = images(on.data(), on.testData(), format.height());
            judge.requireCompatible(loaded.labels(), format.shape());
            ImageSet test = images.split(on.validationSplit(), on.testSplit(), on.splitSeed()).test();
            ImageGenerator generator = new ImageGenerator(model, Integer.parseInt(loaded.get("task.latent")), format.shape(), settings.temperature());
            TaskResult.Builder result = TaskResult.builder(name(), images.name()).model(run.model()).backend(model.kernels().name());
            return score(result, generator, judge, prompts(on.data(), loaded.labels()), test, settings, run).build();
        }
    }

    @Override
    public TaskResult generate(TaskRun run) throws IOException {
        TextToImageSettings settings = TextToImageSettings.from(run.options());
        if (run.prompt() == null || run.prompt().isBlank()) {
            throw new TaskUsageException("text-to-image needs --prompt, e.g. --prompt \"a summer dress\"");
        }
        Path out = run.out() != null ? run.out() : Path.of("generated.png");
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
        try (Model model = loaded.model()) {
            model.useKernels(run.backend());
            ImageFormat format = ImageFormat.from(loaded.metadata());
            TaskResult.Builder result = TaskResult.builder(name(), "prompt").model(run.model()).backend(model.kernels().name());
            ImageGenerator generator = new ImageGenerator(model, Integer.parseInt(loaded.get("task.latent")), format.shape(), settings.temperature());
            List<float[]> drawn = generator.draw(run.prompt(), settings.count(), new Random(run.seed()));
            writeGrid(drawn, format.shape(), Math.min(COLUMNS, drawn.size()), out);
            return result.detail("prompt", run.prompt()).detail("count", drawn.size()).detail("seed", run.seed()).output(out).build();
        }
    }

    @Override
    public TaskModel load(Path file) throws IOException {
        throw new TaskUsageException("text-to-image generates rather than predicts: use mnemo generate text-to-image --prompt TEXT");
    }

    @Override
    protected LabelledImages readImages(TaskRun run) {
        return images(run.data(), run.testData(), TextToImageSettings.from(run.options()).size());
    }

    /** Scores the generator once; with {@code --out}, writes a grid with one row per class (its first held-out phrasing, else training one). */
    private static TaskResult.Builder score(TaskResult.Builder result, ImageGenerator generator, Judge judge, Prompts prompts,
            ImageSet test, TextToImageSettings settings, TaskRun run) throws IOException {
        GenerationScores scores = GenerationScores.measure(generator, judge, prompts, test, settings.perPrompt(), run.seed());
        result.metric("judge_accuracy", scores.judgeAccuracy())
                .metric("diversity_ratio", scores.diversityRatio())
                .detail("judge", settings.judge().toString())
                .detail("temperature", settings.temperature())
                .detail("judge_accuracy_per_class", scores.perClass());
        if (prompts.hasHeldout()) {
            result.metric("heldout_judge_accuracy", scores.heldoutJudgeAccuracy());
        }
        if (run.out() != null) {
            List<float[]> rows = new ArrayList<>();
            Random random = new Random(run.seed());
            List<String> shown = new ArrayList<>();
            for (int k = 0; k < prompts.classes().size(); k++) {
                String prompt = prompts.heldout().get(k).isEmpty() ? prompts.train().get(k).getFirst() : prompts.heldout().get(k).getFirst();
                rows.addAll(generator.draw(prompt, COLUMNS, random));
                shown.add(prompt);
            }
            writeGrid(rows, generator.imageShape(), COLUMNS, run.out());
            result.output(run.out()).detail("grid_prompts", shown);
        }
        return result;
    }

    private static void writeGrid(List<float[]> images, int[] shape, int columns, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageGrid.writePng(images, shape[0], shape[1], shape[2], columns, 3, out);
    }

    private static Prompts prompts(Path data, List<String> classes) {
        return data == null ? Prompts.fashionMnist(classes) : Prompts.templated(classes);
    }

    private static LabelledImages images(Path data, Path testData, int size) {
        return data == null ? TaskImages.builtIn() : TaskImages.folder(data, testData, true, 1, size, size);
    }
}
