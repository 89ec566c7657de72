package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.ShapeOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A functional model: a graph of layers with several inputs, for models a stack cannot express,
 * such as an encoder-decoder with attention (Keras's functional API).
 *
 * <pre>{@code
 * Graph.Builder g = Graph.builder();
 * Graph.Node source = g.input("source", -1);                         // token ids, any length
 * Graph.Node target = g.input("target", -1);                         // decoder inputs (teacher forcing)
 * Graph.Recurrent encoder = g.recurrent(LSTM.builder().units(64).returnSequences(true).build(),
 *         g.apply(Embedding.masked(vocab, 32), source), null, null);
 * Graph.Recurrent decoder = g.recurrent(LSTM.builder().units(64).returnSequences(true).build(),
 *         g.apply(Embedding.masked(vocab, 32), target), encoder.state(), encoder.cell());
 * Graph.Node context = g.attend(DotProductAttention.luong(), decoder.sequence(), encoder.sequence());
 * Graph net = g.build(g.apply(Dense.of(vocab), g.concat(decoder.sequence(), context)));
 * }</pre>
 *
 * <p>Nodes are evaluated in the order they were created, which is a topological order. Input
 * shapes are declared on the inputs (batch axis excluded, {@code -1} for a variable time axis),
 * so {@link #build} ignores the shape it is given. Sequence lengths travel with the values, so
 * masks reach the recurrent layers and the attention.
 */
public final class Graph extends LayerBase {
    private final List<NodeSpec> nodes;
    private final List<String> inputNames;
    private final int output;
    private final Map<Integer, int[]> shapes = new HashMap<>();

    /** One step of the graph: an op, its layer (if any) and the ids of its input nodes. */
    private record NodeSpec(String op, Layer layer, int[] inputs, String inputName, int[] shape) {}

    /** A handle on a node while building. */
    public record Node(int id) {}

    /** The three outputs of a recurrent layer: the sequence, the final state, the final cell (LSTM only). */
    public record Recurrent(Node sequence, Node state, Node cell) {}

    private Graph(String name, List<NodeSpec> nodes, int output) {
        super(name);
        this.nodes = List.copyOf(nodes);
        this.output = output;
        this.inputNames = nodes.stream().filter(n -> n.op().equals("input")).map(NodeSpec::inputName).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Names of the inputs, in the order {@link #forward(Tape, List)} takes them. */
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    protected int[] create(int[] ignored, BuildContext context) {
        for (int id = 0; id < nodes.size(); id++) {
            NodeSpec n = nodes.get(id);
            int[] out = switch (n.op()) {
                case "input" -> n.shape().clone();
                case "apply" -> n.layer().build(shapes.get(n.inputs()[0]), context);
                case "recurrent" -> {
                    int[] in = shapes.get(n.inputs()[0]);
                    int[] built = n.layer().build(in, context);
                    yield new int[] {in[0], built[built.length - 1]}; // the sequence, whatever the layer returns alone
                }
                case "sequence" -> shapes.get(n.inputs()[0]);
                case "state", "cell" -> new int[] {shapes.get(n.inputs()[0])[1]};
                case "attend" -> ((AttentionLayer) n.layer()).build(shapes.get(n.inputs()[0]),
                        shapes.get(n.inputs()[1]), context);
                case "concat" -> {
                    int[] a = shapes.get(n.inputs()[0]), b = shapes.get(n.inputs()[1]);
                    int[] c = a.clone();
                    c[c.length - 1] += b[b.length - 1];
                    yield c;
                }
                case "add" -> shapes.get(n.inputs()[0]);
                default -> throw new IllegalStateException("unknown graph op " + n.op());
            };
            shapes.put(id, out);
        }
        return shapes.get(output).clone();
    }

    /** Single-input use: the graph must have exactly one input. */
    @Override
    public Variable forward(Tape tape, Variable x) {
        return forward(tape, List.of(x));
    }

    /** Evaluates the graph on {@code inputs}, given in the order of {@link #inputNames()}. */
    public Variable forward(Tape tape, List<Variable> inputs) {
        requireBuilt();
        if (inputs.size() != inputNames.size()) {
            throw new IllegalArgumentException("graph '" + name() + "' takes " + inputNames.size() + " inputs "
                    + inputNames + " but got " + inputs.size());
        }
        Variable[] values = new Variable[nodes.size()];
        RecurrentLayer.Result[] recurrent = new RecurrentLayer.Result[nodes.size()];
        int nextInput = 0;
        for (int id = 0; id < nodes.size(); id++) {
            NodeSpec n = nodes.get(id);
            int[] in = n.inputs();
            values[id] = switch (n.op()) {
                case "input" -> inputs.get(nextInput++);
                case "apply" -> n.layer().forward(tape, values[in[0]]);
                case "recurrent" -> {
                    recurrent[id] = ((RecurrentLayer) n.layer()).run(tape, values[in[0]],
                            in[1] < 0 ? null : values[in[1]], in[2] < 0 ? null : values[in[2]]);
                    yield recurrent[id].sequence();
                }
                case "sequence" -> recurrent[in[0]].sequence();
                case "state" -> recurrent[in[0]].state();
                case "cell" -> recurrent[in[0]].cell();
                case "attend" -> ((AttentionLayer) n.layer()).call(tape, values[in[0]], values[in[1]]).context();
                case "concat" -> ShapeOps.concatLast(tape, values[in[0]], values[in[1]]);
                case "add" -> MathOps.add(tape, values[in[0]], values[in[1]]);
                default -> throw new IllegalStateException("unknown graph op " + n.op());
            };
        }
        return values[output];
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (NodeSpec n : nodes) {
            if (n.layer() != null) {
                all.addAll(n.layer().parameters());
            }
        }
        return all;
    }

    @Override
    public List<Buffer> buffers() {
        List<Buffer> all = new ArrayList<>();
        for (NodeSpec n : nodes) {
            if (n.layer() != null) {
                all.addAll(n.layer().buffers());
            }
        }
        return all;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        List<Object> list = new ArrayList<>();
        for (NodeSpec n : nodes) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("op", n.op());
            node.put("inputs", n.inputs());
            if (n.layer() != null) {
                node.put("layer", n.layer().config());
            }
            if (n.inputName() != null) {
                node.put("name", n.inputName());
                node.put("shape", n.shape());
            }
            list.add(node);
        }
        c.put("nodes", list);
        c.put("output", output);
        return c;
    }

    /** Rebuilds a graph (and its layers) from {@link #config()}. */
    @SuppressWarnings("unchecked")
    public static Graph fromConfig(Map<String, Object> c) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (Map<String, Object> n : Layers.layerList(c, "nodes")) {
            Layer layer = n.get("layer") == null ? null : Layers.fromConfig((Map<String, Object>) n.get("layer"));
            boolean isInput = "input".equals(n.get("op"));
            nodes.add(new NodeSpec(Layers.string(n, "op"), layer, Layers.integers(n, "inputs"),
                    isInput ? Layers.string(n, "name") : null, isInput ? Layers.integers(n, "shape") : null));
        }
        return new Graph(Layers.string(c, "name"), nodes, Layers.integer(c, "output"));
    }

    /** Builds a {@link Graph}; every method checks its nodes belong to this builder. */
    public static final class Builder {
        private final List<NodeSpec> nodes = new ArrayList<>();
        private final Set<String> inputNames = new HashSet<>();
        private final LayerNames layerNames = new LayerNames();

        /** A named input with its per-sample shape ({@code -1} for a variable time axis). */
        public Node input(String name, int... shape) {
            if (name == null || !inputNames.add(name)) {
                throw new IllegalArgumentException("graph input names must be unique and non-null, got '" + name + "'");
            }
            return add(new NodeSpec("input", null, new int[0], name, shape.clone()));
        }

        /** Applies a single-input layer. */
        public Node apply(Layer layer, Node in) {
            return add(new NodeSpec("apply", named(layer), ids(in), null, null));
        }

        /**
         * Runs a recurrent layer over {@code in}, optionally from an initial state (and cell, for
         * LSTM) such as an encoder's final ones; returns its sequence, state and cell nodes.
         */
        public Recurrent recurrent(RecurrentLayer layer, Node in, Node h0, Node c0) {
            Node run = add(new NodeSpec("recurrent", named(layer), new int[] {check(in).id(),
                h0 == null ? -1 : check(h0).id(), c0 == null ? -1 : check(c0).id()}, null, null));
            Node sequence = add(new NodeSpec("sequence", null, ids(run), null, null));
            Node state = add(new NodeSpec("state", null, ids(run), null, null));
            Node cell = layer instanceof LSTM ? add(new NodeSpec("cell", null, ids(run), null, null)) : null;
            return new Recurrent(sequence, state, cell);
        }

        /** Queries attend over keys/values (masked by their lengths); the node is the context. */
        public Node attend(AttentionLayer attention, Node query, Node keysValues) {
            return add(new NodeSpec("attend", named(attention), ids(query, keysValues), null, null));
        }

        /** Concatenation along the last axis. */
        public Node concat(Node a, Node b) {
            return add(new NodeSpec("concat", null, ids(a, b), null, null));
        }

        /** Element-wise sum. */
        public Node add(Node a, Node b) {
            return add(new NodeSpec("add", null, ids(a, b), null, null));
        }

        /** The graph whose output is {@code output}. */
        public Graph build(Node output) {
            check(output);
            if (nodes.stream().noneMatch(n -> n.op().equals("input"))) {
                throw new IllegalArgumentException("a graph needs at least one input (Builder.input)");
            }
            return new Graph("graph", nodes, output.id());
        }

        private Node add(NodeSpec spec) {
            nodes.add(spec);
            return new Node(nodes.size() - 1);
        }

        private int[] ids(Node... in) {
            return Arrays.stream(in).mapToInt(n -> check(n).id()).toArray();
        }

        private Node check(Node n) {
            if (n == null || n.id() < 0 || n.id() >= nodes.size()) {
                throw new IllegalArgumentException("node " + n + " does not belong to this graph builder");
            }
            return n;
        }

        private Layer named(Layer layer) {
            if (nodes.stream().anyMatch(s -> s.layer() == layer)) {
                throw new IllegalArgumentException("layer '" + layer.name() + "' is used twice; create one layer per use");
            }
            if (layer.name() != null) {
                layerNames.reserve(layer.name());
            }
            layerNames.assign(layer);
            return layer;
        }
    }
}
