package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stack of layers, each feeding the next (Keras's {@code Sequential}). Unnamed layers get
 * Keras-style names ({@code lstm}, {@code lstm_1}, {@code dense}, ...), so parameter names are
 * stable and readable: {@code lstm.weight_ih_l0}.
 *
 * <pre>{@code
 * Sequential net = Sequential.of(
 *         Embedding.masked(10_000, 64),
 *         LSTM.builder().units(128).build(),
 *         Dense.of(2));
 * }</pre>
 */
public final class Sequential extends LayerBase {
    private final List<Layer> layers;
    private int[] outputShape;

    private Sequential(String name, List<Layer> layers) {
        super(name);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        nameLayers();
    }

    public static Sequential of(Layer... layers) {
        return new Sequential("sequential", List.of(layers));
    }

    public static Sequential of(List<Layer> layers) {
        return new Sequential("sequential", layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Output shape after {@link #build} (batch axis excluded). */
    public int[] outputShape() {
        requireBuilt();
        return outputShape.clone();
    }

    private void nameLayers() {
        LayerNames names = new LayerNames();
        layers.stream().filter(l -> l.name() != null).forEach(l -> names.reserve(l.name()));
        layers.forEach(names::assign);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int[] shape = inputShape;
        for (Layer l : layers) {
            shape = l.build(shape, context);
        }
        outputShape = shape;
        return shape.clone();
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        Variable v = x;
        for (Layer l : layers) {
            v = l.forward(tape, v);
        }
        return v;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return all;
    }

    @Override
    public List<Buffer> buffers() {
        List<Buffer> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.buffers());
        }
        return all;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("layers", layers.stream().map(Layer::config).toList());
        return c;
    }
    /** Rebuilds a Sequential and its layers from {@link #config()}. */
    public static Sequential fromConfig(Map<String, Object> c) {
        return new Sequential(Layers.string(c, "name"), Layers.layerList(c, "layers").stream().map(Layers::fromConfig).toList());
    }

}
