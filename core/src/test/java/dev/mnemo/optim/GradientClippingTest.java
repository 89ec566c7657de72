package dev.mnemo.optim;

import static dev.mnemo.optim.ScheduleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.Compare;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clipping by global norm and by value, against exact numbers and torch.nn.utils, and the NaN finder. */
class GradientClippingTest {
    private final Scope scope = Scope.open();

    @AfterEach
    void close() {
        scope.close();
    }

    private List<Parameter> grads(float[]... grads) {
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
            params.add(Fixtures.parameter("p" + i, new float[grads[i].length], grads[i], scope));
        }
        return params;
    }

    @Test
    void globalNormIsExactAndScalesByMaxNormOverNorm() {
        List<Parameter> params = grads(new float[] {3, 4}, new float[] {12});
        assertEquals(13.0, GradientClipping.globalNorm(params), 0);
        assertEquals(13.0, GradientClipping.byGlobalNorm(params, 6.5), 0, "returns the norm before clipping");
        double scale = 6.5 / (13 + GradientClipping.NORM_EPS);
        assertArrayEquals(new float[] {(float) (3 * scale), (float) (4 * scale)}, params.get(0).grad().toArray());
        assertArrayEquals(new float[] {(float) (12 * scale)}, params.get(1).grad().toArray());
        assertEquals(6.5, GradientClipping.globalNorm(params), 1e-6);
    }

    @Test
    void normBelowTheLimitLeavesGradientsUntouched() {
        List<Parameter> params = grads(new float[] {3, 4}, new float[] {12});
        assertEquals(13.0, GradientClipping.byGlobalNorm(params, 13.5), 0);
        assertArrayEquals(new float[] {3, 4}, params.get(0).grad().toArray());
        assertEquals(0.0, GradientClipping.byGlobalNorm(grads(new float[] {0, 0}), 1.0), 0, "zero norm is harmless");
    }

    @Test
    void nonFiniteNormLeavesGradientsForTheNanGuard() {
        List<Parameter> params = grads(new float[] {1, Float.POSITIVE_INFINITY}, new float[] {2});
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.byGlobalNorm(params, 1.0));
        assertArrayEquals(new float[] {1, Float.POSITIVE_INFINITY}, params.get(0).grad().toArray());
        assertArrayEquals(new float[] {2}, params.get(1).grad().toArray());
    }

    @Test
    void byValueClampsEachElement() {
        List<Parameter> params = grads(new float[] {-3, -0.5f, 0.25f, 2, Float.NaN});
        GradientClipping.byValue(params, 1.0);
        assertArrayEquals(new float[] {-1, -0.5f, 0.25f, 1, Float.NaN}, params.get(0).grad().toArray());
    }

    @Test
    void matchesTorchClipGradNormAndValue() throws Exception {
        SafeTensors.Contents f = Fixtures.load("optim_clipping", scope);
        int count = Integer.parseInt(f.metadata().get("count"));
        Compare cmp = new Compare("clipping vs torch");
        for (String clip : new String[] {"norm_clipped_1", "norm_clipped_100", "value_clipped"}) {
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                params.add(new Parameter("p" + i, scope.zeros(f.get("grad." + i).shape()),
                        scope.copyOf(f.get("grad." + i))));
            }
            if (clip.equals("value_clipped")) {
                GradientClipping.byValue(params, 0.75);
            } else {
                double norm = GradientClipping.byGlobalNorm(params, clip.endsWith("_1") ? 1.0 : 100.0);
                assertEquals(f.get("norm").get(0), norm, 1e-6 * norm);
            }
            for (int i = 0; i < count; i++) {
                cmp.close(clip + "." + i, f.get(clip + "." + i), params.get(i).grad(), 1e-6);
            }
        }
        System.out.println(cmp.summary("clipping fixtures"));
    }

    @Test
    void nonFiniteGradientNamesTheFirstParameterAndElement() {
        List<Parameter> params = grads(new float[] {1, 2}, new float[] {0, 5, Float.NaN, Float.NEGATIVE_INFINITY},
                new float[] {Float.NaN});
        NonFiniteGradient found = NonFiniteGradient.find(params).orElseThrow();
        assertEquals("p1", found.parameter().name());
        assertEquals(2, found.index());
        assertTrue(Float.isNaN(found.value()));
        assertEquals("the gradient of p1 [4] is NaN at index 2", found.describe());
        assertTrue(NonFiniteGradient.find(grads(new float[] {Float.MAX_VALUE, -1})).isEmpty());
    }

    @Test
    void badLimitsAreNamed() {
        List<Parameter> params = grads(new float[] {1});
        assertMessage("GradientClipping: maxNorm must be a finite number > 0, got 0.0",
                () -> GradientClipping.byGlobalNorm(params, 0));
        assertMessage("GradientClipping: limit must be a finite number > 0, got -1.0",
                () -> GradientClipping.byValue(params, -1));
    }
}
