package dev.mnemo.optim;

import java.util.Objects;

/**
 * A linear ramp to the base rate, then another schedule:
 *
 * <pre>
 * rate(e) = base · (startFactor + (1 − startFactor) · e / epochs)     for e &lt; epochs
 * rate(e) = after.rate(e − epochs, base)                              for e ≥ epochs
 * </pre>
 *
 * This equals torch's {@code SequentialLR([LinearLR(start_factor, total_iters=epochs), after],
 * milestones=[epochs])}.
 *
 * @param epochs      length of the ramp, ≥ 1
 * @param startFactor fraction of the base rate at epoch 0, in [0, 1]
 * @param after       the schedule that follows, seeing epochs counted from the end of the ramp
 */
public record LinearWarmup(int epochs, double startFactor, LearningRateSchedule after) implements LearningRateSchedule {
    public LinearWarmup {
        Check.atLeast("LinearWarmup", "epochs", epochs, 1);
        Check.unitClosed("LinearWarmup", "startFactor", startFactor);
        Objects.requireNonNull(after, "LinearWarmup: after");
    }

    @Override
    public double rate(int epoch, double baseRate) {
        Check.scheduleQuery("LinearWarmup", epoch, baseRate);
        if (epoch >= epochs) {
            return after.rate(epoch - epochs, baseRate);
        }
        return baseRate * (startFactor + (1 - startFactor) * epoch / epochs);
    }
}
