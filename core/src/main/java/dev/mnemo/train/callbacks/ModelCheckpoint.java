package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.ModelFile;
import dev.mnemo.train.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Saves the whole model ({@link ModelFile#save}: architecture and weights in one safetensors
 * file, written atomically) after epochs, like Keras's {@code ModelCheckpoint}.
 *
 * <pre>{@code
 * ModelCheckpoint.bestOnly(Path.of("best.safetensors"), "val_loss")      // the best model so far
 * ModelCheckpoint.everyEpoch(Path.of("last.safetensors"))                // the last epoch's model
 * ModelCheckpoint.everyEpoch(Path.of("ckpt/model-{epoch:03d}-{val_loss:.4f}.safetensors"))
 * ModelCheckpoint.builder(path).monitor("val_accuracy").minDelta(1e-3).saveBestOnly(true).build()
 * }</pre>
 *
 * <p>The path may hold placeholders: {@code {epoch}} (counted from 1) and any epoch-log key, with
 * an optional Python-style format ({@code {epoch:03d}}, {@code {val_loss:.4f}}). With
 * {@code saveBestOnly}, the model is written only after epochs whose monitored value improves on
 * the best so far (by more than {@code minDelta}; mode as in {@link MonitorMode}); otherwise after
 * every epoch. Because each write is atomic, a crash during a save leaves the previous file
 * complete. A monitored key missing from the logs is an {@link IllegalArgumentException} listing
 * the keys present; an I/O failure is an {@link UncheckedIOException} naming the file.
 */
public final class ModelCheckpoint implements Callback {
    private final PathTemplate path;
    private final boolean saveBestOnly;
    private final Monitor monitor;
    private Path lastSaved;
    private int saves;

    private ModelCheckpoint(Builder b) {
        if (b.file == null) {
            throw new IllegalArgumentException("ModelCheckpoint: file is required");
        }
        this.path = new PathTemplate(b.file);
        this.saveBestOnly = b.saveBestOnly;
        this.monitor = new Monitor("ModelCheckpoint", b.monitor, b.mode, b.minDelta);
    }

    /** Settings for a checkpoint at {@code file}: every epoch, monitor {@code val_loss} in mode AUTO. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Saves after every epoch: the last epoch's model, or one file per epoch with {@code {epoch}}. */
    public static ModelCheckpoint everyEpoch(Path file) {
        return builder(file).build();
    }

    /** Saves after each epoch whose {@code monitor} value is the best so far (mode from the key's name). */
    public static ModelCheckpoint bestOnly(Path file, String monitor) {
        return builder(file).monitor(monitor).saveBestOnly(true).build();
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        monitor.reset();
        lastSaved = null;
        saves = 0;
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        if (saveBestOnly && !monitor.update(epoch, monitor.read(logs))) {
            return;
        }
        Path file = path.resolve(epoch, logs);
        try {
            ModelFile.save(context.model(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint could not write " + file + " after epoch " + (epoch + 1), e);
        }
        lastSaved = file;
        saves++;
    }

    /** The file written last in the current or last run, if any. */
    public Optional<Path> lastSaved() {
        return Optional.ofNullable(lastSaved);
    }

    /** How many times the model was written in the current or last run. */
    public int saves() {
        return saves;
    }

    /** With {@code saveBestOnly}: the 0-based epoch of the best value so far, or -1. */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    /** Settings of {@link ModelCheckpoint}; {@link #build()} checks them. */
    public static final class Builder {
        private final Path file;
        private String monitor = "val_loss";
        private MonitorMode mode = MonitorMode.AUTO;
        private double minDelta;
        private boolean saveBestOnly;

        private Builder(Path file) {
            this.file = file;
        }

        /** The epoch-log key that decides what "best" is (used with {@link #saveBestOnly}). */
        public Builder monitor(String key) {
            this.monitor = key;
            return this;
        }

        /** MIN, MAX, or AUTO (from the key's name). */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /** The smallest change of the monitored value that counts as an improvement, ≥ 0. */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /** True: save only when the monitored value improves; false (default): after every epoch. */
        public Builder saveBestOnly(boolean saveBestOnly) {
            this.saveBestOnly = saveBestOnly;
            return this;
        }

        /** Checks the settings (path placeholders, monitor) and builds the callback. */
        public ModelCheckpoint build() {
            return new ModelCheckpoint(this);
        }
    }
}
