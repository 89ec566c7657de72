package dev.mnemo.nn;

import java.util.List;
import java.util.Map;

/**
 * Rebuilds layers from their {@link Layer#config()} maps (the architecture JSON of a model file).
 *
 * <p>{@code "type"} names the layer in the {@link LayerRegistry} (built-in layers, plus those
 * plugins register); nothing is loaded by a class name read from a file. Typed getters here read
 * the values and name the layer and key when one is missing or of the wrong type.
 */
public final class Layers {
    private Layers() {}

    /** A new, unbuilt layer from its config. */
    public static Layer fromConfig(Map<String, Object> config) {
        return LayerRegistry.factory(string(config, "type")).apply(config);
    }

    /** A required string. */
    public static String string(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof String s)) {
            throw missing(config, key, "a string");
        }
        return s;
    }

    /** An optional string (null when absent or JSON null). */
    public static String optionalString(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v != null && !(v instanceof String)) {
            throw missing(config, key, "a string or null");
        }
        return (String) v;
    }

    /** A required integer. */
    public static int integer(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw missing(config, key, "an integer");
        }
        return n.intValue();
    }

    /** A required number. */
    public static float number(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof Number n)) {
            throw missing(config, key, "a number");
        }
        return n.floatValue();
    }

    /** A required boolean. */
    public static boolean bool(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof Boolean b)) {
            throw missing(config, key, "true or false");
        }
        return b;
    }

    /** A required list of integers. */
    public static int[] integers(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof List<?> list)) {
            throw missing(config, key, "a list of integers");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw missing(config, key, "a list of integers");
            }
            out[i] = n.intValue();
        }
        return out;
    }

    /** A required list of layer configs. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> layerList(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof List<?> list) || !list.stream().allMatch(m -> m instanceof Map)) {
            throw missing(config, key, "a list of layer objects");
        }
        return (List<Map<String, Object>>) list;
    }

    private static IllegalArgumentException missing(Map<String, Object> config, String key, String what) {
        return new IllegalArgumentException("layer config " + config.get("type") + " '" + config.get("name") + "': '"
                + key + "' must be " + what + ", got " + config.get(key));
    }
}
