package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.History;
import dev.mnemo.train.TrainingContext;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Reports training progress, Keras style. On a terminal, one line per epoch redrawn in place
 * (carriage return, at most every 100 ms):
 *
 * <pre>
 * Epoch 3/10 [=========>..........] 45/100 - loss: 0.1234 - accuracy: 0.9000 - 1520.3 samples/s - ETA 3.6s
 * </pre>
 *
 * then completed with the validation values and the epoch's time. Elsewhere (CI, files, pipes)
 * plain lines that log files and {@code grep} handle, one per epoch and, if asked, one every
 * {@code n} batches:
 *
 * <pre>
 * Epoch 3/10 batch 20/100 - loss: 0.1301 - accuracy: 0.8875 - 1498.2 samples/s
 * Epoch 3/10 - 6.6s - loss: 0.1234 - accuracy: 0.9000 - val_loss: 0.1410 - val_accuracy: 0.8800 - lr: 0.0010 - 1520.3 samples/s
 * </pre>
 *
 * The epoch's time includes validation; samples/s counts training batches only. The batch count
 * is shown as {@code i/n} when the data loader knows {@code n} (streaming sources may not: then
 * {@code i} and the elapsed time, no bar or ETA). Values print with four decimals, or in
 * scientific notation outside [0.001, 100000). If training stops early, the reason is printed at
 * the end.
 *
 * <p>{@link Style#AUTO} picks {@link Style#TERMINAL} when the output is {@code System.out} and
 * {@link Console#isTerminal()} says it reaches a terminal, {@link Style#PLAIN} otherwise.
 */
public final class ProgressBar implements Callback {
    /** How progress is drawn. */
    public enum Style {
        /** TERMINAL on an interactive terminal, PLAIN otherwise. */
        AUTO,
        /** One line per epoch, redrawn with a carriage return. */
        TERMINAL,
        /** Whole lines only. */
        PLAIN
    }

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrintStream out;
    private final boolean terminal;
    private final int logEveryBatches;
    private final int barWidth;
    private final int lineWidth;
    private final LongSupplier clock;

    private int epochs;
    private OptionalInt batchesPerEpoch = OptionalInt.empty();
    private long epochStart;
    private long lastDraw;
    private int lastLineLength;
    private double samples;
    private int batches;
    private double trainingSeconds;

    /** Progress on {@code System.out}, style chosen automatically, no per-batch lines in plain style. */
    public ProgressBar() {
        this(builder());
    }

    private ProgressBar(Builder b) {
        this.out = Objects.requireNonNull(b.out, "ProgressBar: output");
        Style style = Objects.requireNonNull(b.style, "ProgressBar: style");
        if (b.logEveryBatches < 0) {
            throw new IllegalArgumentException("ProgressBar: logEveryBatches must be >= 0 (0 = epoch lines only), got "
                    + b.logEveryBatches);
        }
        if (b.barWidth < 5 || b.barWidth > 200) {
            throw new IllegalArgumentException("ProgressBar: barWidth must be in [5, 200], got " + b.barWidth);
        }
        if (b.lineWidth < 20) {
            throw new IllegalArgumentException("ProgressBar: lineWidth must be >= 20, got " + b.lineWidth);
        }
        this.terminal = style == Style.TERMINAL || (style == Style.AUTO && b.out == System.out && isTerminal());
        this.logEveryBatches = b.logEveryBatches;
        this.barWidth = b.barWidth;
        this.lineWidth = b.lineWidth;
        this.clock = b.clock;
    }

    /** Settings: {@code System.out}, AUTO, epoch lines only, a 30-character bar. */
    public static Builder builder() {
        return new Builder();
    }

    private static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Whether this bar redraws a terminal line (else it prints plain lines). */
    public boolean isTerminalStyle() {
        return terminal;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        epochs = context.epochs();
        batchesPerEpoch = context.batchesPerEpoch();
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = clock.getAsLong();
        lastDraw = Long.MIN_VALUE;
        lastLineLength = 0;
        samples = 0;
        batches = 0;
        trainingSeconds = 0;
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, int batch, Map<String, Double> logs) {
        long now = clock.getAsLong();
        samples = logs.getOrDefault("samples", 0.0);
        batches = batch + 1;
        double seconds = (now - epochStart) / NANOS_PER_SECOND;
        trainingSeconds = seconds;                            // the last batch's time: training only
        if (terminal) {
            boolean last = batchesPerEpoch.isPresent() && batches >= batchesPerEpoch.getAsInt();
            if (last || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                String line = epochLabel(epoch) + " " + batchProgress(true) + values(logs) + speed(seconds) + remaining(seconds);
                redraw(line.length() < lineWidth ? line : line.substring(0, lineWidth - 4) + "...");
            }
        } else if (logEveryBatches > 0 && batches % logEveryBatches == 0) {
            out.println(epochLabel(epoch) + " batch " + batchProgress(false) + values(logs) + speed(seconds));
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        double seconds = (clock.getAsLong() - epochStart) / NANOS_PER_SECOND;
        if (terminal) {
            redraw(epochLabel(epoch) + " " + batchProgress(true) + " - " + duration(seconds) + values(logs) + speed(trainingSeconds));
            out.println();
        } else {
            out.println(epochLabel(epoch) + " - " + duration(seconds) + values(logs) + speed(trainingSeconds));
        }
        out.flush();
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        if (history.stopReason() != null) {
            out.println("Stopped after epoch " + history.epochs().size() + ": " + history.stopReason());
            out.flush();
        }
    }

    /**
     * Replaces the current terminal line, blanking what is left of a longer previous one. Lines
     * redrawn during an epoch are cut to fit {@code lineWidth}: a wrapped line could not be
     * redrawn in place. The epoch's final line ends with a newline, so it may wrap.
     */
    private void redraw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        out.flush();
        lastLineLength = line.length();
    }

    private String epochLabel(int epoch) {
        return "Epoch " + (epoch + 1) + "/" + epochs;
    }

    /** {@code [====>....] i/n} (bar only if asked), {@code i/n}, or {@code i} when n is unknown. */
    private String batchProgress(boolean withBar) {
        if (batchesPerEpoch.isEmpty()) {
            return Integer.toString(batches);
        }
        int n = batchesPerEpoch.getAsInt();
        String count = batches + "/" + n;
        if (!withBar) {
            return count;
        }
        int filled = n == 0 ? barWidth : (int) ((long) barWidth * Math.min(batches, n) / n);
        String bar = filled >= barWidth ? "=".repeat(barWidth)
                : "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + ".".repeat(barWidth - filled);
        return "[" + bar + "] " + count;
    }

    /** {@code  - key: value} for each log entry except the sample count. */
    private static String values(Map<String, Double> logs) {
        StringBuilder s = new StringBuilder();
        logs.forEach((k, v) -> {
            if (!k.equals("samples")) {
                s.append(" - ").append(k).append(": ").append(number(v));
            }
        });
        return s.toString();
    }

    private String speed(double seconds) {
        return seconds > 0 && samples > 0 ? String.format(Locale.ROOT, " - %.1f samples/s", samples / seconds) : "";
    }

    /** {@code  - ETA 3.6s} when the batch count is known, else the time so far. */
    private String remaining(double seconds) {
        if (batchesPerEpoch.isEmpty()) {
            return " - " + duration(seconds);
        }
        int left = Math.max(0, batchesPerEpoch.getAsInt() - batches);
        return " - ETA " + duration(seconds / batches * left);
    }

    /** Four decimals, or scientific notation for very small or large magnitudes. */
    static String number(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v) || Double.isInfinite(v) || a == 0 || (a >= 1e-3 && a < 1e5)) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    /** {@code 3.6s}, {@code 42s}, {@code 12:05} (m:ss) or {@code 1:02:05} (h:mm:ss). */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Settings of {@link ProgressBar}. */
    public static final class Builder {
        private PrintStream out = System.out;
        private Style style = Style.AUTO;
        private int logEveryBatches;
        private int barWidth = 30;
        private int lineWidth = terminalColumns();
        private LongSupplier clock = System::nanoTime;

        private Builder() {}

        /** Where to print (default {@code System.out}). */
        public Builder output(PrintStream out) {
            this.out = out;
            return this;
        }

        /** AUTO (default), TERMINAL or PLAIN. */
        public Builder style(Style style) {
            this.style = style;
            return this;
        }

        /** In plain style, also a line every {@code n} batches (0, the default: epoch lines only). */
        public Builder logEveryBatches(int n) {
            this.logEveryBatches = n;
            return this;
        }

        /** Characters of the terminal bar, in [5, 200] (default 30). */
        public Builder barWidth(int width) {
            this.barWidth = width;
            return this;
        }

        /**
         * Characters per terminal line, ≥ 20 (default: the {@code COLUMNS} environment variable
         * when the shell exports it, else 100).
         */
        public Builder lineWidth(int columns) {
            this.lineWidth = columns;
            return this;
        }

        private static int terminalColumns() {
            try {
                return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim()));
            } catch (NumberFormatException e) {
                return 100;
            }
        }

        /** The time source in nanoseconds (tests use a fake one). */
        Builder clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock);
            return this;
        }

        /** Checks the settings and builds the callback. */
        public ProgressBar build() {
            return new ProgressBar(this);
        }
    }
}
