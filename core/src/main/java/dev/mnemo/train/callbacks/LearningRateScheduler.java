package dev.mnemo.train.callbacks;

import dev.mnemo.optim.LearningRateSchedule;
import dev.mnemo.train.Callback;
import dev.mnemo.train.TrainingContext;
import java.util.Objects;

/**
 * Sets the learning rate from a {@link LearningRateSchedule} before each epoch, like Keras's
 * {@code LearningRateScheduler}: before epoch {@code e} (from 0) the rate becomes
 * {@code schedule.rate(e, base)}, where {@code base} is the optimizer's
 * {@link dev.mnemo.optim.Optimizer#initialLearningRate() initial rate}. The epoch's logs carry
 * the rate used as {@code lr}.
 *
 * <pre>{@code
 * model.fit(train).validationData(validation).epochs(50)
 *         .callbacks(new LearningRateScheduler(LearningRateSchedule.cosine(50, 1e-5).withWarmup(5, 0.1))).run();
 * }</pre>
 */
public final class LearningRateScheduler implements Callback {
    private final LearningRateSchedule schedule;

    /** Applies {@code schedule} at the start of every epoch. */
    public LearningRateScheduler(LearningRateSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "LearningRateScheduler: schedule");
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        context.setLearningRate(schedule.rate(epoch, context.model().optimizer().initialLearningRate()));
    }
}
