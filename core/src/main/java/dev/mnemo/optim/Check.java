package dev.mnemo.optim;

/**
 * Argument checks shared by the optimizers, schedules and clipping: each failure is an
 * {@link IllegalArgumentException} that names the owner, the argument, the allowed range and the
 * value given, e.g. {@code Adam: beta1 must be in [0, 1), got 1.0}. NaN fails every check.
 */
final class Check {
    private Check() {}

    /** {@code value >= 0} and finite. */
    static double nonNegative(String owner, String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(owner, name, "a finite number >= 0", value);
        }
        return value;
    }

    /** {@code value > 0} and finite. */
    static double positive(String owner, String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(owner, name, "a finite number > 0", value);
        }
        return value;
    }

    /** {@code 0 <= value < 1}. */
    static double unitOpen(String owner, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw fail(owner, name, "in [0, 1)", value);
        }
        return value;
    }

    /** {@code 0 <= value <= 1}. */
    static double unitClosed(String owner, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw fail(owner, name, "in [0, 1]", value);
        }
        return value;
    }

    /** {@code value >= min}. */
    static int atLeast(String owner, String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** A schedule query: {@code epoch >= 0} and a finite {@code baseRate >= 0}. */
    static void scheduleQuery(String owner, int epoch, double baseRate) {
        atLeast(owner, "epoch", epoch, 0);
        nonNegative(owner, "baseRate", baseRate);
    }

    private static IllegalArgumentException fail(String owner, String name, String rule, double value) {
        return new IllegalArgumentException(owner + ": " + name + " must be " + rule + ", got " + value);
    }
}
