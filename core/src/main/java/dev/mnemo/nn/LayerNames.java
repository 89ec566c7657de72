package dev.mnemo.nn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives unnamed layers Keras-style names unique within a model ({@code lstm}, {@code lstm_1},
 * {@code dense}, ...) and rejects duplicate names, so parameter names are stable and readable.
 */
final class LayerNames {
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** Reserves an explicit name; fails if it is already used. */
    void reserve(String name) {
        if (!taken.add(name)) {
            throw new IllegalArgumentException("two layers are named '" + name + "'; names must be unique");
        }
    }

    /** Names {@code layer} if it has no name (reserving the new one); explicit names must be reserved first. */
    void assign(Layer layer) {
        if (layer.name() != null) {
            return;
        }
        if (!(layer instanceof LayerBase base)) {
            throw new IllegalArgumentException("layer " + layer.getClass().getName() + " has no name");
        }
        String stem = layer.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String candidate;
        do {
            int n = counters.merge(stem, 1, Integer::sum) - 1;
            candidate = n == 0 ? stem : stem + "_" + n;
        } while (!taken.add(candidate));
        base.setName(candidate);
    }
}
