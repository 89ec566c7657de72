package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.AttentionOps.Attention;
import dev.mnemo.autograd.AttentionOps;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.Compare;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Layers against PyTorch: {@code core/src/test/fixtures/make_layer_fixtures.py} stores inputs,
 * state_dict weights (loaded here by name with {@link StateDict}), outputs and every gradient
 * (computed in float64) for {@code nn.ConvTranspose2d}, {@code nn.LayerNorm}, nearest
 * {@code F.interpolate}, scaled dot-product attention, additive attention with padded keys, and
 * {@code nn.Conv1d} weights in the channels-last {@link Conv1D}, and {@code padding="same"} with
 * even effective kernels.
 * Outputs and gradients must match to 1e-5.
 */
class LayerFixtureTest {
    private static final double TOLERANCE = 1e-5;

    private final KernelBackend kernels = Backends.get("reference"); // validating decorator checks every SPI call
    private final Scope scope = Scope.open();
    private final GradientCheck inputs = new GradientCheck(kernels, scope, new TestData(scope, new Random(1)));
    private final Compare cmp = new Compare("layers vs torch");

    @AfterEach
    void close() {
        System.out.println(cmp.summary("layer fixtures"));
        scope.close();
    }

    private Path file(String name) throws Exception {
        return Path.of(getClass().getResource("/fixtures/" + name + ".safetensors").toURI());
    }

    private static int[] ints(SafeTensors.Contents f, String key) {
        return Arrays.stream(f.metadata().get(key).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Runs {@code graph} on a training tape with the fixture's inputs, seeds each output's
     * gradient with the fixture's {@code g<name>}, and compares outputs and the gradients of
     * inputs and parameters with the fixture's {@code <name>} and {@code d<name>}.
     */
    private void compare(String label, SafeTensors.Contents f, Layer layer, List<String> inputNames,
                         Map<String, int[]> lengths, BiFunction<Tape, Map<String, Variable>, Map<String, Variable>> graph) {
        Map<String, GradientCheck.Input> in = new LinkedHashMap<>();
        inputNames.forEach(name -> in.put(name, inputs.input(name, f.get(name), lengths.get(name))));
        List<Parameter> params = layer == null ? List.of() : layer.parameters();
        params.forEach(Parameter::zeroGrad);
        try (Tape tape = Tape.training(kernels, new Random(0))) {
            Map<String, Variable> vars = new LinkedHashMap<>();
            in.forEach((name, input) -> vars.put(name, input.on(tape)));
            Map<String, Variable> outs = graph.apply(tape, vars);
            Variable loss = null;
            for (var out : outs.entrySet()) {
                cmp.close(label + " " + out.getKey(), f.get(out.getKey()), out.getValue().value(), TOLERANCE);
                Variable term = MathOps.sum(tape, MathOps.mul(tape, out.getValue(), tape.input(f.get("g" + out.getKey()))));
                loss = loss == null ? term : MathOps.add(tape, loss, term);
            }
            tape.backward(loss);
        }
        in.forEach((name, input) -> cmp.close(label + " d" + name, f.get("d" + name), input.slot().grad(), TOLERANCE));
        for (Parameter p : params) {
            String local = p.name().substring(p.name().lastIndexOf('.') + 1);
            cmp.close(label + " d" + local, f.get("d" + local), p.grad(), TOLERANCE);
        }
    }

    @Test
    void convTranspose2dMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_conv_transpose2d"), scope);
        Tensor w = f.get("weight");
        ConvTranspose2D layer = ConvTranspose2D.builder().name("deconv").filters(w.dim(1))
                .kernel(ints(f, "kernel")).stride(ints(f, "stride")).padding(ints(f, "padding"))
                .outputPadding(ints(f, "output_padding")).dilation(ints(f, "dilation")).build();
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 4), new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_conv_transpose2d"), "", false); // the fixture holds inputs and outputs too
        compare("conv_transpose2d", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
    }

    @Test
    void layerNormMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_layer_norm"), scope);
        LayerNorm layer = new LayerNorm("norm", Float.parseFloat(f.metadata().get("eps")));
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 3), new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_layer_norm"), "", false); // the fixture holds inputs and outputs too
        compare("layer_norm", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
    }

    @Test
    void batchNormMatchesTorchInTrainingAndInference() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_batch_norm"), scope);
        BatchNorm layer = new BatchNorm("bn", Float.parseFloat(f.metadata().get("momentum")), Float.parseFloat(f.metadata().get("eps")));
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 4), new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_batch_norm"), "", false); // weights and the starting running statistics
        compare("batch_norm", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
        cmp.close("batch_norm running_mean", f.get("updated_running_mean"), layer.state().get("bn.running_mean"), TOLERANCE);
        cmp.close("batch_norm running_var", f.get("updated_running_var"), layer.state().get("bn.running_var"), TOLERANCE);
        try (Tape tape = Tape.inference(kernels)) {
            cmp.close("batch_norm y_eval", f.get("y_eval"), layer.forward(tape, tape.input(f.get("x"))).value(), TOLERANCE);
        }
    }

    @Test
    void nearestUpsamplingMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_upsample_nearest"), scope);
        int[] scale = ints(f, "scale");
        UpSampling2D layer = new UpSampling2D("up", scale[0], scale[1]);
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 4), new BuildContext(scope, new Random(1)));
        compare("upsample_nearest", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
    }

    @Test
    void scaledDotProductAttentionWithKeyPaddingMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_attention_dot_scaled"), scope);
        int[] lengths = ints(f, "lengths");
        compare("dot_attention", f, null, List.of("q", "k", "v"), Map.of(), (tape, v) -> {
            Attention a = AttentionOps.dotProduct(tape, v.get("q"), v.get("k"), v.get("v"), lengths, true);
            return Map.of("context", a.context(), "weights", a.weights());
        });
    }

    @Test
    void additiveAttentionWithPaddedEncoderStepsMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_attention_additive"), scope);
        AdditiveAttention layer = new AdditiveAttention("additive", Integer.parseInt(f.metadata().get("units")));
        layer.build(Arrays.copyOfRange(f.get("q").shape(), 1, 3), Arrays.copyOfRange(f.get("h").shape(), 1, 3),
                new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_attention_additive"), "", false); // the fixture holds inputs and outputs too
        compare("additive_attention", f, layer, List.of("q", "h"), Map.of("h", ints(f, "lengths")), (tape, v) -> {
            Attention a = layer.call(tape, v.get("q"), v.get("h"));
            return Map.of("context", a.context(), "weights", a.weights());
        });
    }

    @Test
    void conv1dOnChannelsLastSequencesMatchesTorchConv1d() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_conv1d_channels_last"), scope);
        Map<String, String> m = f.metadata();
        Conv1D layer = Conv1D.builder().name("conv1d").filters(f.get("weight").dim(0))
                .kernel(Integer.parseInt(m.get("kernel"))).stride(Integer.parseInt(m.get("stride")))
                .padding(Integer.parseInt(m.get("padding"))).dilation(Integer.parseInt(m.get("dilation"))).build();
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 3), new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_conv1d_channels_last"), "", false); // the fixture holds inputs and outputs too
        compare("conv1d", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
    }

    @Test
    void samePaddingWithEvenKernelsMatchesTorch() throws Exception {
        SafeTensors.Contents f = SafeTensors.read(file("layer_conv2d_same_even"), scope);
        Conv2D layer = Conv2D.builder().name("conv").filters(f.get("weight").dim(0)).kernel(ints(f, "kernel"))
                .dilation(ints(f, "dilation")).padding(f.metadata().get("padding")).build();
        layer.build(Arrays.copyOfRange(f.get("x").shape(), 1, 4), new BuildContext(scope, new Random(1)));
        StateDict.load(layer, file("layer_conv2d_same_even"), "", false); // the fixture holds inputs and outputs too
        compare("conv2d_same_even", f, layer, List.of("x"), Map.of(), (tape, v) -> Map.of("y", layer.forward(tape, v.get("x"))));
    }
}
