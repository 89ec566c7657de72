/**
 * Ready-made {@link dev.mnemo.train.Callback}s for {@link dev.mnemo.train.Model#fit}, the ones
 * Keras users reach for:
 *
 * <ul>
 *   <li>{@link dev.mnemo.train.callbacks.EarlyStopping}: stop when a monitored value stops
 *       improving, optionally restoring the best epoch's weights;</li>
 *   <li>{@link dev.mnemo.train.callbacks.ModelCheckpoint}: save the model (best only, or every
 *       epoch, with {@code {epoch}} in the path);</li>
 *   <li>{@link dev.mnemo.train.callbacks.CsvLogger} and
 *       {@link dev.mnemo.train.callbacks.JsonHistoryWriter}: the history as CSV or JSON;</li>
 *   <li>{@link dev.mnemo.train.callbacks.TrainingCurvesPlot}: a PNG of the curves (needs the
 *       optional XChart dependency);</li>
 *   <li>{@link dev.mnemo.train.callbacks.ProgressBar}: a progress bar on a terminal, plain lines
 *       in logs;</li>
 *   <li>{@link dev.mnemo.train.callbacks.LearningRateScheduler} and
 *       {@link dev.mnemo.train.callbacks.ReduceLROnPlateauCallback}: learning-rate control from
 *       {@link dev.mnemo.optim}.</li>
 * </ul>
 *
 * <pre>{@code
 * History h = model.fit(train).validationData(validation).epochs(100).callbacks(
 *         new ProgressBar(),
 *         new EarlyStopping("val_loss", 5, true),
 *         ModelCheckpoint.bestOnly(Path.of("runs/best.safetensors"), "val_loss"),
 *         new CsvLogger(Path.of("runs/history.csv")),
 *         new TrainingCurvesPlot(Path.of("runs/curves.png"))).run();
 * }</pre>
 *
 * <p>Epochs are counted from 0 in the {@link dev.mnemo.train.Callback} methods and in the
 * accessors here ({@code bestEpoch()}), and from 1 in everything written for people: messages,
 * progress lines, file names and the {@code epoch} column of history files. Every file is written
 * atomically (temporary file, then rename), so a crash never leaves a half-written one. Callbacks
 * reset their state when a fit begins, so one instance can serve several runs.
 */
package dev.mnemo.train.callbacks;
