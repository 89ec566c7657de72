package dev.mnemo.optim;

/**
 * Multiplies the rate by {@code gamma} every epoch: {@code rate(e) = base · gamma^e}, as
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html">torch
 * ExponentialLR</a>.
 *
 * @param gamma multiplicative factor per epoch, finite and &gt; 0
 */
public record ExponentialDecay(double gamma) implements LearningRateSchedule {
    public ExponentialDecay {
        Check.positive("ExponentialDecay", "gamma", gamma);
    }

    @Override
    public double rate(int epoch, double baseRate) {
        Check.scheduleQuery("ExponentialDecay", epoch, baseRate);
        return baseRate * Math.pow(gamma, epoch);
    }
}
