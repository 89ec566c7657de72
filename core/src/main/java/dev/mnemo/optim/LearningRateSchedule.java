package dev.mnemo.optim;

/**
 * The learning rate as a pure function of the epoch: {@code rate(epoch, baseRate)}, where
 * {@code epoch} counts from 0 and {@code baseRate} is the optimizer's initial learning rate. A
 * trainer calls it before each epoch and hands the result to
 * {@link Optimizer#setLearningRate(double)}. Being pure (no hidden counter, unlike torch's
 * {@code scheduler.step()}), a schedule can be queried for any epoch, resumes correctly after a
 * checkpoint, and can equally be driven per iteration by passing the iteration count instead.
 *
 * <pre>{@code
 * LearningRateSchedule s = LearningRateSchedule.cosine(50, 1e-5).withWarmup(5, 0.1);
 * }</pre>
 *
 * Each factory's record documents its formula and the torch scheduler it matches.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate for {@code epoch} (≥ 0) given the initial rate {@code baseRate} (≥ 0). */
    double rate(int epoch, double baseRate);

    /** The base rate at every epoch. */
    static LearningRateSchedule constant() {
        return new ConstantRate();
    }

    /** {@code base · gamma^⌊epoch / stepSize⌋} ({@link StepDecay}, torch StepLR). */
    static LearningRateSchedule stepDecay(int stepSize, double gamma) {
        return new StepDecay(stepSize, gamma);
    }

    /** {@code base · gamma^epoch} ({@link ExponentialDecay}, torch ExponentialLR). */
    static LearningRateSchedule exponential(double gamma) {
        return new ExponentialDecay(gamma);
    }

    /** Half a cosine from base down to {@code minRate} over {@code periodEpochs} ({@link CosineAnnealing}). */
    static LearningRateSchedule cosine(int periodEpochs, double minRate) {
        return new CosineAnnealing(periodEpochs, minRate);
    }

    /**
     * A linear ramp from {@code startFactor · base} over {@code epochs} epochs, then this schedule
     * started afresh at epoch 0 ({@link LinearWarmup}).
     */
    default LearningRateSchedule withWarmup(int epochs, double startFactor) {
        return new LinearWarmup(epochs, startFactor, this);
    }
}
