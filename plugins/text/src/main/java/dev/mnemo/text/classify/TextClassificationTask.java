package dev.mnemo.text.classify;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.task.Confusion;
import dev.mnemo.task.ConfusionChart;
import dev.mnemo.task.DataSource;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.task.ThreeWaySplit;
import dev.mnemo.task.TrainedOn;
import dev.mnemo.text.data.LabelledText;
import dev.mnemo.text.data.TextCorpus;
import dev.mnemo.text.data.TextDataException;
import dev.mnemo.text.data.TextSources;
import dev.mnemo.text.token.CharTokenizer;
import dev.mnemo.text.token.Tokenizer;
import dev.mnemo.text.token.Vocabulary;
import dev.mnemo.text.token.WordTokenizer;
import dev.mnemo.train.History;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Metrics;
import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import dev.mnemo.train.callbacks.EarlyStopping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Text classification with an LSTM ({@link ClassifierNetwork}): the shared body of the
 * {@code sentiment} and {@code text-classify} tasks, which differ only in their {@link Profile}
 * (name, built-in corpus, tuned defaults).
 *
 * <p>Training: the corpus (built-in, or the user's {@code --data}: a folder per class or a CSV/TSV)
 * is split stratified into train, validation and test with the run's split seed (or
 * {@code --test-data} is the test set); the vocabulary comes from the training split only; Adam
 * trains with gradient clipping at norm 1 and early stopping on {@code val_accuracy}, restoring the
 * best epoch's weights; the test split is measured once, at the end. The model file holds the
 * tokenizer, vocabulary, labels and where the data and split came from, so {@code eval} measures
 * the same test set again.
 */
public abstract class TextClassificationTask implements Task {
    /** The model format this class writes; raised when a saved model could no longer be read. */
    static final String VERSION = "1";

    private final Profile profile;

    /**
     * What distinguishes one text classification task from another.
     *
     * @param name        the task's name
     * @param description its one-line description
     * @param data        its built-in data set
     * @param builtIn     reads the built-in corpus
     * @param defaults    tuned option defaults
     * @param epochs      default maximum epochs (early stopping usually ends sooner)
     * @param batchSize   default batch size
     * @param learningRate default Adam learning rate
     */
    protected record Profile(String name, String description, DataSource data, Supplier<TextCorpus> builtIn,
            ClassifierSettings defaults, int epochs, int batchSize, double learningRate) {}

    protected TextClassificationTask(Profile profile) {
        this.profile = profile;
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public String description() {
        return profile.description();
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public DataSource data() {
        return profile.data();
    }

    @Override
    public List<TaskOption> options() {
        return ClassifierSettings.options(profile.defaults());
    }

    @Override
    public TaskResult train(TaskRun run) throws IOException {
        ClassifierSettings settings = ClassifierSettings.from(run.options());
        TextCorpus corpus = corpus(run, run.data());
        ThreeWaySplit<LabelledText> split = split(run, corpus, run.testData(), run.validationSplit(), run.testSplit(), run.splitSeed());
        TaskResult.Builder result = TaskResult.builder(name(), corpus.name()).model(run.model());
        run.log(name() + ": " + corpus.name() + ", " + corpus.labels().size() + " classes, " + split.train().size() + " train / "
                + split.validation().size() + " validation / " + split.test().size() + " test texts");

        Model model;
        TextEncoder encoder;
        List<String> labels;
        if (run.resume()) {
            TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
            model = loaded.model();
            encoder = TextEncoder.from(loaded);
            labels = loaded.labels();
            if (!labels.equals(corpus.labels())) {
                model.close();
                throw new TaskUsageException("--resume: " + run.model() + " was trained on labels " + labels
                        + " but the data has " + corpus.labels());
            }
        } else {
            encoder = encoder(settings, split.train());
            labels = corpus.labels();
            model = Model.of(ClassifierNetwork.build(settings, encoder.vocabulary().size(), labels.size()), run.seed());
            model.build(-1);
        }
        try (model) {
            model.useKernels(run.backend());
            double learningRate = run.learningRateOr(profile.learningRate());
            Optimizer optimizer = settings.weightDecay() > 0
                    ? Optimizer.adamW(learningRate).weightDecay(settings.weightDecay()).build()
                    : Optimizer.adam(learningRate).build();
            model.compile(optimizer,
                    Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy()).clipGradientNorm(1.0);
            if (run.resume()) {
                ModelFile.restoreOptimizer(model, run.model());
            }
            Dataset train = dataset(encoder, labels, split.train());
            Dataset validation = dataset(encoder, labels, split.validation());
            EarlyStopping stopping = EarlyStopping.builder().monitor("val_accuracy").patience(settings.patience())
                    .restoreBestWeights(true).build();
            History history = model.fit(train).validationData(validation).epochs(run.epochsOr(profile.epochs()))
                    .batchSize(run.batchSizeOr(profile.batchSize())).shuffle(run.seed())
                    .callbacks(stopping).callbacks(run.callbacks()).run();

            Model.Evaluation test = model.evaluate(DataLoader.builder(dataset(encoder, labels, split.test())).batchSize(256).build());
            TaskModelFile.save(this, model, run.model(), metadata(run, encoder, labels));

            Confusion confusion = new Confusion(labels, test.confusion().counts());
            if (run.out() != null) {
                ConfusionChart.writePng(confusion, run.out());
                result.output(run.out());
            }
            return result.backend(model.kernels().name())
                    .metric("test_accuracy", test.logs().get("accuracy"))
                    .metric("test_loss", test.logs().get("loss"))
                    .metric("validation_accuracy", stopping.best())
                    .confusion(confusion)
                    .detail("train_samples", split.train().size())
                    .detail("validation_samples", split.validation().size())
                    .detail("test_samples", split.test().size())
                    .detail("classes", labels)
                    .detail("vocabulary", encoder.vocabulary().size())
                    .detail("parameters", model.parameterCount())
                    .detail("epochs_run", history.epochs().size())
                    .detail("best_epoch", stopping.bestEpoch() + 1)
                    .detail("seed", run.seed())
                    .build();
        }
    }

    @Override
    public TaskResult evaluate(TaskRun run) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, run.model());
        try (Model model = loaded.model()) {
            TextEncoder encoder = TextEncoder.from(loaded);
            List<String> labels = loaded.labels();
            TrainedOn on = TrainedOn.forEvaluation(run, loaded.metadata());
            TextCorpus corpus = corpus(run, on.data());
            ThreeWaySplit<LabelledText> split = split(run, corpus, on.testData(), on.validationSplit(), on.testSplit(), on.splitSeed());
            model.useKernels(run.backend());
            model.compile(Optimizer.adam(1e-3).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            Model.Evaluation test = model.evaluate(DataLoader.builder(dataset(encoder, labels, split.test())).batchSize(256).build());
            Confusion confusion = new Confusion(labels, test.confusion().counts());
            TaskResult.Builder result = TaskResult.builder(name(), corpus.name()).model(run.model()).backend(model.kernels().name())
                    .metric("test_accuracy", test.logs().get("accuracy"))
                    .metric("test_loss", test.logs().get("loss"))
                    .confusion(confusion)
                    .detail("test_samples", split.test().size());
            if (run.out() != null) {
                ConfusionChart.writePng(confusion, run.out());
                result.output(run.out());
            }
            return result.build();
        }
    }

    @Override
    public TaskModel load(Path file) throws IOException {
        TaskModelFile.Loaded loaded = TaskModelFile.load(this, file);
        return new TextClassifierModel(loaded.model(), TextEncoder.from(loaded), loaded.labels(), loaded.metadata());
    }

    @Override
    public TaskResult prepareData(TaskRun run) throws IOException {
        TextCorpus corpus = corpus(run, run.data());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        corpus.labels().forEach(l -> perClass.put(l, 0));
        corpus.items().forEach(t -> perClass.merge(t.label(), 1, Integer::sum));
        return TaskResult.builder(name(), corpus.name())
                .detail("source", corpus.source())
                .detail("texts", corpus.items().size())
                .detail("per_class", perClass)
                .build();
    }

    /** The built-in corpus (missing data is a failure with the install command) or the user's (bad data is a usage error). */
    private TextCorpus corpus(TaskRun run, Path data) {
        if (data == null) {
            try {
                return profile.builtIn().get();
            } catch (TextDataException e) {
                throw new TaskFailedException(e.getMessage(), e);
            }
        }
        try {
            return TextSources.read(data, run.options().text("text-column"), run.options().text("label-column"));
        } catch (TextDataException e) {
            throw new TaskUsageException(e.getMessage(), e);
        }
    }

    private ThreeWaySplit<LabelledText> split(TaskRun run, TextCorpus corpus, Path testData, double validation, double test, long seed) {
        if (testData == null) {
            return ThreeWaySplit.stratified(corpus.items(), LabelledText::label, validation, test, seed);
        }
        TextCorpus testCorpus = corpus(run, testData);
        for (String label : testCorpus.labels()) {
            if (!corpus.labels().contains(label)) {
                throw new TaskUsageException("--test-data " + testData + " has label '" + label
                        + "', which the training data does not have (it has " + corpus.labels() + ")");
            }
        }
        return ThreeWaySplit.withTest(corpus.items(), testCorpus.items(), LabelledText::label, validation, seed);
    }

    private static TextEncoder encoder(ClassifierSettings s, List<LabelledText> train) {
        Tokenizer tokenizer = s.tokens().equals("chars") ? new CharTokenizer(s.lowercase())
                : new WordTokenizer(s.lowercase(), s.stopWords());
        List<List<String>> tokens = new ArrayList<>();
        train.forEach(t -> tokens.add(tokenizer.tokens(t.text())));
        return new TextEncoder(tokenizer, Vocabulary.build(tokens, s.minCount(), s.maxVocabulary()), s.maxLength());
    }

    private static Dataset dataset(TextEncoder encoder, List<String> labels, List<LabelledText> texts) {
        int[][] ids = encoder.encode(texts.stream().map(LabelledText::text).toList());
        int[] classes = texts.stream().mapToInt(t -> labels.indexOf(t.label())).toArray();
        return Dataset.ofSequences(ids, classes);
    }

    private static Map<String, String> metadata(TaskRun run, TextEncoder encoder, List<String> labels) {
        Map<String, String> meta = new LinkedHashMap<>(encoder.metadata());
        meta.putAll(TaskModelFile.entries(run, labels));
        return meta;
    }
}
