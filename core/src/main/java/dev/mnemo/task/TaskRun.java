package dev.mnemo.task;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.train.Callback;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything one call of a {@link Task} needs: the common settings every task understands, the
 * task's own {@link TaskOptions}, where progress goes, and the files read and written. Unset
 * training settings ({@code epochs}, {@code batchSize}, {@code learningRate}) are null, and the
 * task uses its own tuned default ({@link #epochsOr}).
 *
 * <pre>{@code
 * TaskRun run = TaskRun.builder(task).data(Path.of("reviews.csv")).epochs(5)
 *         .model(Path.of("models/reviews.safetensors")).build();
 * TaskResult result = task.train(run);
 * }</pre>
 */
public final class TaskRun {
    /** The split seed every task uses unless told otherwise, so a model's test split is the same in train and eval. */
    public static final long DEFAULT_SPLIT_SEED = 20261202L;

    private final long seed;
    private final long splitSeed;
    private final Integer epochs;
    private final Integer batchSize;
    private final Double learningRate;
    private final double validationSplit;
    private final double testSplit;
    private final Path data;
    private final Path testData;
    private final Path model;
    private final Path out;
    private final boolean resume;
    private final String prompt;
    private final Path dataDirectory;
    private final TaskOptions options;
    private final List<Callback> callbacks;
    private final Consumer<String> log;
    private final KernelBackend backend;

    private TaskRun(Builder b) {
        seed = b.seed;
        splitSeed = b.splitSeed;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        validationSplit = b.validationSplit;
        testSplit = b.testSplit;
        data = b.data;
        testData = b.testData;
        model = b.model == null ? defaultModel(b.task) : b.model;
        out = b.out;
        resume = b.resume;
        prompt = b.prompt;
        dataDirectory = b.dataDirectory == null ? defaultDataDirectory() : b.dataDirectory;
        options = b.options == null ? TaskOptions.defaults(b.task.options()) : b.options;
        callbacks = List.copyOf(b.callbacks);
        log = b.log;
        backend = b.backend;
    }

    /** A run of {@code task} with every setting at its default. */
    public static Builder builder(Task task) {
        return new Builder(task);
    }

    /** {@code models/TASK.safetensors} under the working directory. */
    public static Path defaultModel(Task task) {
        return Path.of("models", task.name() + ".safetensors");
    }

    /** {@code MNEMO_DATA_DIR}, else {@code ~/.cache/mnemo}: where tasks keep data they prepare. */
    public static Path defaultDataDirectory() {
        String env = System.getenv("MNEMO_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "mnemo");
    }

    /** Seed of weights, dropout and shuffling. */
    public long seed() {
        return seed;
    }

    /** Seed of the train/validation/test split (fixed by default, so every seed meets the same test set). */
    public long splitSeed() {
        return splitSeed;
    }

    /** {@code --epochs}, else {@code taskDefault}. */
    public int epochsOr(int taskDefault) {
        return epochs == null ? taskDefault : epochs;
    }

    /** {@code --batch-size}, else {@code taskDefault}. */
    public int batchSizeOr(int taskDefault) {
        return batchSize == null ? taskDefault : batchSize;
    }

    /** {@code --lr}, else {@code taskDefault}. */
    public double learningRateOr(double taskDefault) {
        return learningRate == null ? taskDefault : learningRate;
    }

    /** Fraction of the training data held out for validation (default 0.1). */
    public double validationSplit() {
        return validationSplit;
    }

    /** Fraction of the data held out for the test figure when there is no {@link #testData()} (default 0.2). */
    public double testSplit() {
        return testSplit;
    }

    /** The user's own training data ({@code --data}), or null for the task's built-in set. */
    public Path data() {
        return data;
    }

    /** Test data given apart ({@code --test-data}), or null to split it off the data. */
    public Path testData() {
        return testData;
    }

    /** The model file read or written ({@code --model}; default {@code models/TASK.safetensors}). */
    public Path model() {
        return model;
    }

    /** Another file to write ({@code --out}: an image, a plot, a WAV), or null. */
    public Path out() {
        return out;
    }

    /** Continue training from {@link #model()} instead of starting afresh. */
    public boolean resume() {
        return resume;
    }

    /** The text a generative task starts from ({@code --prompt}), or null. */
    public String prompt() {
        return prompt;
    }

    /** Where tasks keep data they prepare ({@code MNEMO_DATA_DIR}, default {@code ~/.cache/mnemo}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The task's own options. */
    public TaskOptions options() {
        return options;
    }

    /** Callbacks to add to training (a progress bar, a CSV log); none by default. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** Writes one line of progress (the CLI sends it to stderr); tasks never print. */
    public void log(String line) {
        log.accept(line);
    }

    /** The kernel backend to run on: the one set here, else {@link Backends#get()}. */
    public KernelBackend backend() {
        return backend == null ? Backends.get() : backend;
    }

    /** Settings of a {@link TaskRun}; everything has a default. */
    public static final class Builder {
        private final Task task;
        private long seed = 42;
        private long splitSeed = DEFAULT_SPLIT_SEED;
        private Integer epochs;
        private Integer batchSize;
        private Double learningRate;
        private double validationSplit = 0.1;
        private double testSplit = 0.2;
        private Path data;
        private Path testData;
        private Path model;
        private Path out;
        private boolean resume;
        private String prompt;
        private Path dataDirectory;
        private TaskOptions options;
        private final List<Callback> callbacks = new ArrayList<>();
        private Consumer<String> log = line -> { };
        private KernelBackend backend;

        private Builder(Task task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder splitSeed(long splitSeed) {
            this.splitSeed = splitSeed;
            return this;
        }

        public Builder epochs(Integer epochs) {
            if (epochs != null && epochs < 1) {
                throw new TaskUsageException("--epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(Integer batchSize) {
            if (batchSize != null && batchSize < 1) {
                throw new TaskUsageException("--batch-size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(Double learningRate) {
            if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new TaskUsageException("--lr must be a positive number, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        public Builder validationSplit(double fraction) {
            this.validationSplit = fraction("--validation-split", fraction);
            return this;
        }

        public Builder testSplit(double fraction) {
            this.testSplit = fraction("--test-split", fraction);
            return this;
        }

        public Builder data(Path data) {
            this.data = data;
            return this;
        }

        public Builder testData(Path testData) {
            this.testData = testData;
            return this;
        }

        public Builder model(Path model) {
            this.model = model;
            return this;
        }

        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder options(TaskOptions options) {
            this.options = options;
            return this;
        }

        public Builder callbacks(List<? extends Callback> callbacks) {
            this.callbacks.addAll(callbacks);
            return this;
        }

        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public Builder backend(KernelBackend backend) {
            this.backend = backend;
            return this;
        }

        public TaskRun build() {
            if (validationSplit + testSplit >= 0.9) {
                throw new TaskUsageException("--validation-split " + validationSplit + " and --test-split " + testSplit
                        + " leave too little to train on; keep their sum below 0.9");
            }
            return new TaskRun(this);
        }

        private static double fraction(String option, double value) {
            if (!(value > 0 && value < 1)) {
                throw new TaskUsageException(option + " must be between 0 and 1 (exclusive), got " + value);
            }
            return value;
        }
    }
}
