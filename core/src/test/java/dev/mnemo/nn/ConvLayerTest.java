package dev.mnemo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.io.Json;
import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The new layers' shapes (declared by {@code build} and produced by {@code forward}), their
 * architecture configs (round trip through JSON), masking semantics, and argument messages.
 */
class ConvLayerTest {
    private final KernelBackend kernels = Backends.get("reference"); // validating decorator checks every SPI call
    private final Scope scope = Scope.open();
    private final TestData data = new TestData(scope, new Random(29));

    @AfterEach
    void close() {
        scope.close();
    }

    /** Builds the layer for {@code x}'s sample shape, checks forward against it and returns it. */
    private int[] shapeOf(Layer layer, Tensor x) {
        int[] declared = layer.build(Arrays.copyOfRange(x.shape(), 1, x.rank()), new BuildContext(scope, new Random(1)));
        try (Tape tape = Tape.inference(kernels)) {
            int[] actual = layer.forward(tape, tape.input(x)).shape();
            assertArrayEquals(declared, Arrays.copyOfRange(actual, 1, actual.length), layer.name() + " declared shape");
            assertEquals(x.dim(0), actual[0]);
        }
        return declared;
    }

    @Test
    void outputShapes() {
        Tensor image = data.uniform(2, 3, 5, 7);
        assertArrayEquals(new int[] {4, 5, 7}, shapeOf(Conv2D.builder().name("c").filters(4).kernel(3).padding("same")
                .dilation(2, 1).build(), image));
        assertArrayEquals(new int[] {2, 5, 7}, shapeOf(Conv2D.builder().name("c").filters(2).kernel(2, 4).padding("same")
                .build(), image)); // even kernels: the odd padded zero goes to the bottom/right
        assertArrayEquals(new int[] {2, 2, 3}, shapeOf(Conv2D.builder().name("c").filters(2).kernel(2, 3).stride(2)
                .build(), image));
        assertArrayEquals(new int[] {2, 10, 14}, shapeOf(ConvTranspose2D.builder().name("t").filters(2).kernel(3)
                .stride(2).padding(1).outputPadding(1).build(), image));
        assertArrayEquals(new int[] {2, 10, 14}, shapeOf(ConvTranspose2D.builder().name("t").filters(2).kernel(4)
                .stride(2).padding(1).build(), image));
        assertArrayEquals(new int[] {3, 2, 3}, shapeOf(new MaxPool2D("p", new int[] {2}, null, new int[] {0}), image));
        assertArrayEquals(new int[] {3, 3, 4}, shapeOf(new AvgPool2D("p", new int[] {3}, new int[] {2}, new int[] {1}),
                image));
        assertArrayEquals(new int[] {3}, shapeOf(new GlobalAveragePooling2D("g"), image));
        assertArrayEquals(new int[] {3}, shapeOf(new GlobalMaxPooling2D("g"), image));
        assertArrayEquals(new int[] {3, 10, 21}, shapeOf(new UpSampling2D("u", 2, 3), image));
        assertArrayEquals(new int[] {105}, shapeOf(new Flatten("f"), image));
        assertArrayEquals(new int[] {7, 15}, shapeOf(new Reshape("r", -1, 15), image));
        assertArrayEquals(new int[] {3, 5, 7}, shapeOf(new LayerNorm("n", 1e-5f), image));
        Tensor sequence = data.uniform(2, 9, 4);
        assertArrayEquals(new int[] {4, 6}, shapeOf(Conv1D.builder().name("c").filters(6).kernel(3).stride(2).build(),
                sequence));
        assertArrayEquals(new int[] {4}, shapeOf(new GlobalAveragePooling1D("g"), sequence));
        assertArrayEquals(new int[] {4}, shapeOf(new GlobalMaxPooling1D("g"), sequence));
        assertArrayEquals(new int[] {9, 4}, shapeOf(new DotProductAttention("a", true), sequence));
        assertArrayEquals(new int[] {9, 4}, shapeOf(new AdditiveAttention("a", 5), sequence));
    }

    @Test
    void configsRoundTripThroughJson() {
        Layer[] layers = {
            Conv2D.builder().name("c2").filters(4).kernel(3).padding("same").activation(Activation.RELU)
                    .init(ConvLayer.WeightInit.HE_NORMAL).build(),
            Conv2D.builder().name("c2b").filters(4).kernel(2, 3).stride(2, 1).padding(1, 0).dilation(1, 2).useBias(false)
                    .build(),
            Conv1D.builder().name("c1").filters(8).kernel(4).padding("same").activation(Activation.TANH).build(),
            ConvTranspose2D.builder().name("t").filters(2).kernel(3).stride(2).padding(1).outputPadding(1).build(),
            new MaxPool2D("mp", new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}), AvgPool2D.of(2),
            new GlobalAveragePooling2D("gap2"), new GlobalMaxPooling2D("gmp2"), new GlobalAveragePooling1D("gap1"),
            new GlobalMaxPooling1D("gmp1"), new UpSampling2D("up", 2, 3), new Flatten("flat"), new Reshape("re", 3, -1),
            new LayerNorm("ln", 1e-3f), new DotProductAttention("dot", true), new AdditiveAttention("add", 7)};
        for (Layer layer : layers) {
            if (layer.name() == null) {
                ((LayerBase) layer).setName("unnamed");
            }
            String json = Json.write(layer.config());
            @SuppressWarnings("unchecked")
            Layer copy = Layers.fromConfig((Map<String, Object>) Json.parse(json));
            assertEquals(layer.getClass(), copy.getClass());
            assertEquals(json, Json.write(copy.config()));
        }
    }

    @Test
    void conv1dValidOutputsEqualEachSampleAlone() {
        int[] lengths = {7, 4, 2};
        Tensor x = data.uniform(3, 7, 2);
        for (Conv1D conv : new Conv1D[] {
                Conv1D.builder().name("same").filters(3).kernel(3).padding("same").build(),
                Conv1D.builder().name("same_even").filters(3).kernel(4).padding("same").build(),
                Conv1D.builder().name("strided").filters(3).kernel(2).stride(2).padding(1).build()}) {
            conv.build(new int[] {-1, 2}, new BuildContext(scope, new Random(2)));
            try (Tape tape = Tape.inference(kernels)) {
                Variable y = conv.forward(tape, tape.input(x, lengths));
                int steps = y.value().dim(1);
                for (int b = 0; b < 3; b++) {
                    Tensor alone = x.slice(b).narrow(0, lengths[b]).view(1, lengths[b], 2);
                    Variable single = conv.forward(tape, tape.input(alone));
                    int valid = single.value().dim(1);
                    assertEquals(valid, y.lengths()[b], conv.name() + " output length of sample " + b);
                    float[] expected = single.value().toArray();
                    float[] actual = Arrays.copyOfRange(y.value().toArray(), b * steps * 3, (b * steps + valid) * 3);
                    assertArrayEquals(expected, actual, 1e-6f, conv.name() + " sample " + b);
                }
            }
        }
    }

    @Test
    void maskedGlobalAverageCountsOnlyValidSteps() {
        Tensor x = scope.of(new float[] {1, 10, 3, 30, 99, 99, 5, 50, 99, 99, 99, 99}, 2, 3, 2);
        try (Tape tape = Tape.inference(kernels)) {
            Variable y = new GlobalAveragePooling1D("g").forward(tape, tape.input(x, new int[] {2, 1}));
            assertArrayEquals(new float[] {2, 20, 5, 50}, y.value().toArray()); // second sample: one valid step
            Variable m = new GlobalMaxPooling1D("m").forward(tape, tape.input(x, new int[] {2, 0}));
            assertArrayEquals(new float[] {3, 30, 0, 0}, m.value().toArray()); // no valid steps: 0
        }
    }

    @Test
    void reshapesKeepLengthsOnlyWhileTheTimeAxisStays() {
        int[] lengths = {3, 1};
        Tensor x = data.uniform(2, 3, 4);
        Reshape split = new Reshape("split", 3, 2, 2);
        Reshape fold = new Reshape("fold", 12);
        Flatten flatten = new Flatten("flatten");
        for (Layer layer : new Layer[] {split, fold, flatten}) {
            layer.build(new int[] {3, 4}, new BuildContext(scope, new Random(1)));
        }
        try (Tape tape = Tape.inference(kernels)) {
            assertArrayEquals(lengths, split.forward(tape, tape.input(x, lengths)).lengths());
            assertEquals(null, fold.forward(tape, tape.input(x, lengths)).lengths());
            assertEquals(null, flatten.forward(tape, tape.input(x, lengths)).lengths());
        }
    }

    private static void assertMessage(String expected, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage("Conv2D: filters must be set", () -> Conv2D.builder().kernel(3).build());
        assertMessage("Conv2D: kernel size is required", () -> Conv2D.builder().filters(3).build());
        assertMessage("kernel needs 1 or 2 values", () -> Conv2D.builder().filters(3).kernel(3, 3, 3).build());
        assertMessage("stride must be >= 1", () -> Conv2D.builder().filters(3).kernel(3).stride(0).build());
        assertMessage("padding \"same\" needs stride 1", () -> Conv2D.builder().filters(3).kernel(3).stride(2)
                .padding("same").build());
        assertMessage("padding must be \"valid\", \"same\"", () -> Conv2D.builder().padding("full"));
        assertMessage("outputPadding applies only to transposed", () -> Conv2D.builder().outputPadding(1));
        assertMessage("smaller than the stride", () -> ConvTranspose2D.builder().filters(2).kernel(3).stride(2)
                .outputPadding(2).build());
        assertMessage("MaxPool2D: invalid PoolSpec", () -> new MaxPool2D("p", new int[] {2}, null, new int[] {2}));
        assertMessage("cannot reshape [2, 3] (6 values) to [4, -1]",
                () -> new Reshape("r", 4, -1).build(new int[] {2, 3}, new BuildContext(scope, new Random(1))));
        assertMessage("at most one -1", () -> new Reshape("r", -1, -1));
        assertMessage("expects inputs [C, H, W]", () -> Conv2D.builder().name("c").filters(2).kernel(3).build()
                .build(new int[] {5, 5}, new BuildContext(scope, new Random(1))));
        assertMessage("is too small for kernel", () -> Conv2D.builder().name("c").filters(2).kernel(5).build()
                .build(new int[] {1, 3, 8}, new BuildContext(scope, new Random(1))));
        Conv2D conv = Conv2D.builder().name("c").filters(2).kernel(3).build();
        conv.build(new int[] {3, 5, 5}, new BuildContext(scope, new Random(1)));
        try (Tape tape = Tape.inference(kernels)) {
            assertMessage("expects 3 input channels but x has 2", () -> conv.forward(tape, tape.input(data.uniform(1, 2, 5, 5))));
        }
        assertMessage("LayerNorm: eps must be a positive number", () -> new LayerNorm("n", 0f));
    }
}
