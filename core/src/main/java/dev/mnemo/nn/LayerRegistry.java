package dev.mnemo.nn;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The layer types a model file may name: the built-in layers of this package, plus what plugins
 * {@link #register}. {@link Layers#fromConfig} looks types up here and never loads a class by a
 * name read from a file, so a model file can only build layers that the running program chose to
 * offer.
 *
 * <p>A layer's type is the {@code "type"} entry of its {@link Layer#config()} (the simple class
 * name for {@link LayerBase} subclasses). A plugin that defines a layer registers it when it
 * starts, e.g. {@code LayerRegistry.register("Highway", Highway::fromConfig)}.
 */
public final class LayerRegistry {
    private static final Map<String, Function<Map<String, Object>, ? extends Layer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        builtIn("ActivationLayer", ActivationLayer::fromConfig);
        builtIn("AdditiveAttention", AdditiveAttention::fromConfig);
        builtIn("AvgPool2D", AvgPool2D::fromConfig);
        builtIn("BatchNorm", BatchNorm::fromConfig);
        builtIn("Conv1D", Conv1D::fromConfig);
        builtIn("Conv2D", Conv2D::fromConfig);
        builtIn("ConvTranspose2D", ConvTranspose2D::fromConfig);
        builtIn("Dense", Dense::fromConfig);
        builtIn("DotProductAttention", DotProductAttention::fromConfig);
        builtIn("Dropout", Dropout::fromConfig);
        builtIn("Embedding", Embedding::fromConfig);
        builtIn("Flatten", Flatten::fromConfig);
        builtIn("GRU", GRU::fromConfig);
        builtIn("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
        builtIn("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
        builtIn("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
        builtIn("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
        builtIn("Graph", Graph::fromConfig);
        builtIn("LSTM", LSTM::fromConfig);
        builtIn("LayerNorm", LayerNorm::fromConfig);
        builtIn("MaxPool2D", MaxPool2D::fromConfig);
        builtIn("Reshape", Reshape::fromConfig);
        builtIn("Sequential", Sequential::fromConfig);
        builtIn("UpSampling2D", UpSampling2D::fromConfig);
    }

    private LayerRegistry() {}

    private static void builtIn(String type, Function<Map<String, Object>, ? extends Layer> factory) {
        FACTORIES.put(type, factory);
    }

    /**
     * Offers layers of {@code type} to model files; {@code factory} builds an unbuilt layer from its
     * config. Registering a type again with another factory is an error (two plugins would
     * otherwise silently decide which layer a file gets).
     */
    public static void register(String type, Function<Map<String, Object>, ? extends Layer> factory) {
        Function<Map<String, Object>, ? extends Layer> previous = FACTORIES.putIfAbsent(type, factory);
        if (previous != null && previous != factory) {
            throw new IllegalStateException("layer type '" + type + "' is registered already; choose another name");
        }
    }

    /** Withdraws a type a plugin registered (when the plugin stops); built-in types stay. */
    public static void unregister(String type, Function<Map<String, Object>, ? extends Layer> factory) {
        FACTORIES.remove(type, factory);
    }

    /** The factory for {@code type}, or an error that lists the known types. */
    static Function<Map<String, Object>, ? extends Layer> factory(String type) {
        Function<Map<String, Object>, ? extends Layer> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "'; known types: " + types()
                    + ". A layer from a plugin needs that plugin installed.");
        }
        return factory;
    }

    /** Every type a model file may name now, sorted. */
    public static Set<String> types() {
        return new TreeSet<>(FACTORIES.keySet());
    }
}
