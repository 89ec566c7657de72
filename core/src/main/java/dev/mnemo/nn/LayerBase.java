package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common state of a layer: its name, its parameters and buffers, and whether it is built. Subclasses implement
 * {@link #create(int[], BuildContext)} and {@link #forward}.
 */
public abstract class LayerBase implements Layer {
    private String name;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>();
    private boolean built;

    protected LayerBase(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Sets the name; only before the layer is built (parameter names derive from it). */
    public void setName(String name) {
        if (built) {
            throw new IllegalStateException("cannot rename layer '" + this.name + "' after it is built");
        }
        this.name = name;
    }

    @Override
    public final int[] build(int[] inputShape, BuildContext context) {
        if (built) {
            throw new IllegalStateException("layer '" + name + "' is already built");
        }
        if (name == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no name; add it to a model first");
        }
        int[] out = create(inputShape.clone(), context);
        built = true;
        return out;
    }

    /** Creates parameters (via {@link #add}) for inputs of {@code inputShape}; returns the output shape. */
    protected abstract int[] create(int[] inputShape, BuildContext context);

    /** Registers and returns a new zero-initialised parameter named {@code name.local}. */
    protected Parameter add(BuildContext context, String local, int... shape) {
        Parameter p = context.parameter(name, local, shape);
        parameters.add(p);
        return p;
    }

    /** Registers and returns a new zero-initialised buffer named {@code name.local}. */
    protected Buffer addBuffer(BuildContext context, String local, int... shape) {
        Buffer b = context.buffer(name, local, shape);
        buffers.add(b);
        return b;
    }

    @Override
    public boolean isBuilt() {
        return built;
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public List<Buffer> buffers() {
        return List.copyOf(buffers);
    }

    /** Config with {@code type} and {@code name}; subclasses add their arguments. */
    protected Map<String, Object> baseConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", getClass().getSimpleName());
        c.put("name", name);
        return c;
    }

    /** Throws unless built, naming the layer. */
    protected void requireBuilt() {
        if (!built) {
            throw new IllegalStateException("layer '" + name + "' is not built: call model.build(inputShape) or fit first");
        }
    }

    /** The last axis of a shape, checked positive. */
    protected int lastAxis(int[] shape, String what) {
        if (shape.length == 0 || shape[shape.length - 1] < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name + "': " + what
                    + " needs a known, positive last axis, got " + java.util.Arrays.toString(shape));
        }
        return shape[shape.length - 1];
    }
}
