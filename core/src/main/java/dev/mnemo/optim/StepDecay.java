package dev.mnemo.optim;

/**
 * Multiplies the rate by {@code gamma} every {@code stepSize} epochs:
 * {@code rate(e) = base · gamma^⌊e / stepSize⌋}, as
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html">torch StepLR</a>.
 *
 * @param stepSize epochs between decays, ≥ 1
 * @param gamma    multiplicative factor, finite and &gt; 0
 */
public record StepDecay(int stepSize, double gamma) implements LearningRateSchedule {
    public StepDecay {
        Check.atLeast("StepDecay", "stepSize", stepSize, 1);
        Check.positive("StepDecay", "gamma", gamma);
    }

    @Override
    public double rate(int epoch, double baseRate) {
        Check.scheduleQuery("StepDecay", epoch, baseRate);
        return baseRate * Math.pow(gamma, epoch / stepSize);
    }
}
