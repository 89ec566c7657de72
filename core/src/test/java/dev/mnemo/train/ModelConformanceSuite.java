package dev.mnemo.train;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.ConvAttentionLearningChecks;
import dev.mnemo.nn.ConvLayerGradientChecks;
import dev.mnemo.nn.LayerGradientChecks;
import org.junit.jupiter.api.Nested;

/**
 * Whole models on one backend: every layer's gradients against finite differences, the learning
 * tests (the adding problem over 100 steps, a CNN, attention over padded sequences), and the model
 * file round trip. The kernel suite ({@code KernelConformanceSuite}) holds each op to the
 * reference; this one holds what users build from the ops. A backend module runs it with one class:
 *
 * <pre>{@code
 * class VectorModelConformanceTest extends ModelConformanceSuite {
 *     @Override protected KernelBackend backend() { return Backends.get("vector"); }
 * }
 * }</pre>
 */
public abstract class ModelConformanceSuite {
    /** The backend under test. */
    protected abstract KernelBackend backend();

    @Nested
    class LayerGradients extends LayerGradientChecks {
        @Override
        protected KernelBackend backend() {
            return ModelConformanceSuite.this.backend();
        }
    }

    @Nested
    class ConvLayerGradients extends ConvLayerGradientChecks {
        @Override
        protected KernelBackend backend() {
            return ModelConformanceSuite.this.backend();
        }
    }

    @Nested
    class ConvAttentionLearning extends ConvAttentionLearningChecks {
        @Override
        protected KernelBackend backend() {
            return ModelConformanceSuite.this.backend();
        }
    }

    @Nested
    class AddingProblemLearning extends AddingProblemLearningChecks {
        @Override
        protected KernelBackend backend() {
            return ModelConformanceSuite.this.backend();
        }
    }

    @Nested
    class ModelFileRoundTrip extends ModelFileRoundTripChecks {
        @Override
        protected KernelBackend backend() {
            return ModelConformanceSuite.this.backend();
        }
    }
}
