package dev.mnemo.optim;

/**
 * Half a cosine from the base rate down to {@code minRate} over {@code periodEpochs}:
 *
 * <pre>
 * rate(e) = minRate + (base − minRate) · (1 + cos(π e / periodEpochs)) / 2     for e ≤ periodEpochs
 * rate(e) = minRate                                                            for e &gt; periodEpochs
 * </pre>
 *
 * Up to {@code periodEpochs} this is
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html">torch
 * CosineAnnealingLR</a> ({@code T_max = periodEpochs}, {@code eta_min = minRate}); afterwards the
 * rate stays at {@code minRate} like Keras' CosineDecay, where torch's cosine would climb again.
 *
 * @param periodEpochs epochs to reach {@code minRate}, ≥ 1
 * @param minRate      final rate, finite and ≥ 0
 */
public record CosineAnnealing(int periodEpochs, double minRate) implements LearningRateSchedule {
    public CosineAnnealing {
        Check.atLeast("CosineAnnealing", "periodEpochs", periodEpochs, 1);
        Check.nonNegative("CosineAnnealing", "minRate", minRate);
    }

    @Override
    public double rate(int epoch, double baseRate) {
        Check.scheduleQuery("CosineAnnealing", epoch, baseRate);
        if (epoch >= periodEpochs) {
            return minRate;
        }
        return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * epoch / periodEpochs)) / 2;
    }
}
