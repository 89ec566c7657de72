/**
 * Optimizers, learning-rate schedules and gradient clipping, each matching its torch counterpart
 * (tests replay torch fixtures to 1e-6).
 *
 * <ul>
 *   <li>{@link dev.mnemo.optim.Optimizer}: {@code step(params)} updates each
 *       {@link dev.mnemo.autograd.Parameter}'s value in place from its gradient. Built with
 *       {@code Optimizer.sgd(lr)}, {@code adam(lr)}, {@code adamW(lr)}, {@code rmsprop(lr)}
 *       (builders with torch's defaults). Owns its state's native memory: close it. Its state
 *       goes into a checkpoint with {@code state()} and comes back with {@code loadState(...)}
 *       ({@link dev.mnemo.optim.OptimizerState}), so a resumed run gives the same numbers.</li>
 *   <li>{@link dev.mnemo.optim.LearningRateSchedule}: a pure function {@code (epoch, baseRate) →
 *       rate}: step, exponential, cosine, and linear warm-up in front of any of them.
 *       {@link dev.mnemo.optim.ReduceLROnPlateau} reacts to a monitored value per epoch.</li>
 *   <li>{@link dev.mnemo.optim.GradientClipping} by global norm or by value, and
 *       {@link dev.mnemo.optim.NonFiniteGradient} to name the first parameter whose gradient went
 *       NaN or infinite.</li>
 * </ul>
 *
 * <p>Order within a training step: backward, {@code NonFiniteGradient.find}, clipping,
 * {@code optimizer.step}, then zero the gradients. Schedules set the rate between epochs.
 */
package dev.mnemo.optim;
