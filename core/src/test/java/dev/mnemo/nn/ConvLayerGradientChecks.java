package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the convolution, pooling, upsampling, reshaping and normalisation layers
 * (parameters and input) against central finite differences, masks included for sequences.
 *
 * <p>Run on every backend through {@link dev.mnemo.train.ModelConformanceSuite}.
 */
public abstract class ConvLayerGradientChecks {
    /** The backend under test. */
    protected abstract KernelBackend backend();

    private final Scope scope = Scope.open();
    private final TestData data = new TestData(scope, new Random(17));

    @AfterEach
    void close() {
        scope.close();
    }

    private GradientCheck gradientCheck() {
        return new GradientCheck(backend(), scope, data);
    }

    private void check(Layer layer, Tensor x, int[] lengths) {
        assertTrue(gradientCheck().layer(layer, x, lengths) < 1);
    }

    @Test
    void conv2dSamePaddingWithActivation() {
        check(Conv2D.builder().name("conv_same").filters(3).kernel(3).padding("same").activation(Activation.TANH).build(),
                data.uniform(2, 2, 5, 4), null);
    }

    @Test
    void conv2dSamePaddingWithEvenKernels() {
        check(Conv2D.builder().name("conv_same_even").filters(2).kernel(2, 4).dilation(2, 1).padding("same").build(),
                data.uniform(2, 2, 4, 5), null);
        check(Conv1D.builder().name("conv1d_same_even").filters(2).kernel(2).padding("same").build(),
                data.uniform(3, 5, 2), new int[] {5, 2, 1});
    }

    @Test
    void conv2dStrideDilationRectangularKernelNoBias() {
        check(Conv2D.builder().name("conv_strided").filters(2).kernel(2, 3).stride(2, 1).padding(1, 2).dilation(1, 2)
                .useBias(false).init(ConvLayer.WeightInit.HE_NORMAL).build(), data.uniform(2, 3, 6, 7), null);
    }

    @Test
    void conv1dOnMaskedSequences() {
        check(Conv1D.builder().name("conv1d_same").filters(3).kernel(3).padding("same").activation(Activation.TANH)
                .build(), data.uniform(3, 6, 2), new int[] {6, 3, 0});
        check(Conv1D.builder().name("conv1d_strided").filters(2).kernel(2).stride(2).dilation(2).padding(1).build(),
                data.uniform(3, 7, 3), new int[] {7, 4, 1});
    }

    @Test
    void convTranspose2dWithOutputPadding() {
        check(ConvTranspose2D.builder().name("deconv").filters(3).kernel(3).stride(2).padding(1).outputPadding(1).build(),
                data.uniform(2, 2, 3, 3), null);
        check(ConvTranspose2D.builder().name("deconv_dilated").filters(2).kernel(2, 3).stride(1, 2).padding(0, 1)
                .dilation(2, 1).activation(Activation.SIGMOID).build(), data.uniform(2, 3, 3, 4), null);
    }

    @Test
    void windowedPooling() {
        check(new MaxPool2D("max_pool", new int[] {2}, null, new int[] {0}), data.distinct(2, 2, 4, 5), null);
        check(new MaxPool2D("max_pool_padded", new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}),
                data.distinct(2, 2, 5, 4), null);
        check(new AvgPool2D("avg_pool", new int[] {3}, new int[] {2}, new int[] {1}), data.uniform(2, 2, 5, 5), null);
    }

    @Test
    void globalPoolingOfImages() {
        check(new GlobalAveragePooling2D("gap"), data.uniform(2, 3, 3, 4), null);
        check(new GlobalMaxPooling2D("gmp"), data.distinct(2, 3, 3, 4), null);
    }

    @Test
    void maskedGlobalPoolingOfSequences() {
        int[] lengths = {5, 2, 0};
        check(new GlobalAveragePooling1D("gap1d"), data.uniform(3, 5, 2), lengths);
        check(new GlobalMaxPooling1D("gmp1d"), data.distinct(3, 5, 2), lengths);
    }

    @Test
    void upsamplingFlattenAndReshape() {
        check(new UpSampling2D("up", 2, 3), data.uniform(2, 2, 2, 3), null);
        check(new Flatten("flatten"), data.uniform(2, 2, 3, 2), null);
        check(new Reshape("reshape", 3, -1), data.uniform(2, 2, 3, 2), null);
    }

    @Test
    void layerNormOnMaskedSequences() {
        GradientCheck grad = gradientCheck();
        LayerNorm norm = new LayerNorm("norm", LayerNorm.DEFAULT_EPS);
        norm.build(new int[] {-1, 5}, new BuildContext(scope, new Random(1)));
        for (Parameter p : norm.parameters()) {
            p.value().copyFrom(data.uniform(p.value().shape()));
        }
        GradientCheck.Input x = grad.input("x", data.uniform(2f, 3, 4, 5), new int[] {4, 1, 0});
        assertTrue(grad.check("norm", norm.parameters(), List.of(x),
                tape -> List.of(norm.forward(tape, x.on(tape)))) < 1);
    }

    @Test
    void batchNormOnImagesAndVectors() {
        BatchNorm images = new BatchNorm("bn2d", 0.3f, 1e-3f);
        BatchNorm vectors = new BatchNorm("bn1d", BatchNorm.DEFAULT_MOMENTUM, BatchNorm.DEFAULT_EPS);
        for (BatchNorm bn : List.of(images, vectors)) {
            bn.build(bn == images ? new int[] {3, 2, 3} : new int[] {4}, new BuildContext(scope, new Random(1)));
            for (Parameter p : bn.parameters()) {
                p.value().copyFrom(data.uniform(p.value().shape()));
            }
        }
        GradientCheck grad = gradientCheck();
        GradientCheck.Input x = grad.input("x", data.uniform(2f, 2, 3, 2, 3), null);
        assertTrue(grad.check("bn2d", images.parameters(), List.of(x), tape -> List.of(images.forward(tape, x.on(tape)))) < 1);
        GradientCheck.Input v = grad.input("v", data.uniform(2f, 5, 4), null);
        assertTrue(grad.check("bn1d", vectors.parameters(), List.of(v), tape -> List.of(vectors.forward(tape, v.on(tape)))) < 1);
    }

    @Test
    void smallCnnEndToEnd() {
        Sequential cnn = Sequential.of(
                Conv2D.builder().filters(3).kernel(3).padding(1).activation(Activation.TANH).build(),
                AvgPool2D.of(2), Flatten.of(), Dense.of(6, Activation.TANH), LayerNorm.of(), Dense.of(4));
        check(cnn, data.uniform(2, 2, 4, 4), null);
        Sequential normalised = Sequential.of(Conv2D.builder().filters(3).kernel(3).padding(1).useBias(false).build(),
                BatchNorm.of(), ActivationLayer.of(Activation.TANH), AvgPool2D.of(2), Flatten.of(), Dense.of(3));
        check(normalised, data.uniform(3, 2, 4, 4), null);
        Sequential decoder = Sequential.of(Dense.of(18, Activation.TANH), Reshape.of(2, 3, 3),
                ConvTranspose2D.builder().filters(2).kernel(3).stride(2).padding(1).outputPadding(1).build(),
                UpSampling2D.of(2), GlobalMaxPooling2D.of());
        check(decoder, data.uniform(2, 5), null);
    }
}
