package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first gradient element that is NaN or infinite, for the trainer's NaN guard ("training
 * stopped at step 812: the gradient of lstm_1.weight_hh_l0 is NaN at index 17").
 *
 * @param parameter the first parameter, in list order, whose gradient holds a non-finite value
 * @param index     flat (row-major) index of the first such element
 * @param value     that element: NaN, +Infinity or -Infinity
 */
public record NonFiniteGradient(Parameter parameter, long index, float value) {

    /** The first non-finite gradient element of {@code params}, searched in list order, or empty. */
    public static Optional<NonFiniteGradient> find(List<Parameter> params) {
        for (Parameter p : params) {
            MemorySegment g = p.grad().segment();
            long n = p.size();
            for (long i = 0; i < n; i++) {
                float v = g.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                if (!Float.isFinite(v)) {
                    return Optional.of(new NonFiniteGradient(p, i, v));
                }
            }
        }
        return Optional.empty();
    }

    /** E.g. {@code the gradient of dense.weight [4, 3] is NaN at index 7}. */
    public String describe() {
        return "the gradient of " + parameter.name() + " " + Arrays.toString(parameter.value().shape()) + " is "
                + value + " at index " + index;
    }
}
