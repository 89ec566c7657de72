package dev.mnemo.benchmarks;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;

/** Random benchmark inputs. */
final class Data {
    private Data() {}

    /** A tensor of standard-normal values scaled by {@code 0.1}, so recurrent states do not saturate. */
    static Tensor gaussian(Scope scope, Random random, int... shape) {
        float[] v = new float[Math.toIntExact(Tensor.sizeOf(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.1 * random.nextGaussian());
        }
        return scope.of(v, shape);
    }
}
