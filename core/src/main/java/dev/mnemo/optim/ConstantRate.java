package dev.mnemo.optim;

/** The base rate at every epoch: {@code rate(e) = base}. */
public record ConstantRate() implements LearningRateSchedule {
    @Override
    public double rate(int epoch, double baseRate) {
        Check.scheduleQuery("ConstantRate", epoch, baseRate);
        return baseRate;
    }
}
