package dev.mnemo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Model files build only registered layer types: class names in a file load nothing. */
class LayerRegistryTest {
    @Test
    void aClassNameInAFileIsNotLoaded() {
        Map<String, Object> config = new LinkedHashMap<>(Dense.of(3).config());
        config.put("type", "java.lang.ProcessBuilder");
        String message = assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig(config)).getMessage();
        assertTrue(message.startsWith("unknown layer type 'java.lang.ProcessBuilder'; known types: [ActivationLayer"), message);
    }

    @Test
    void pluginsRegisterTypesOnceAndWithdrawThem() {
        Function<Map<String, Object>, Layer> factory = c -> Dense.of(Layers.integer(c, "units"));
        LayerRegistry.register("TestDense", factory);
        try {
            Map<String, Object> config = new LinkedHashMap<>(Dense.of(5).config());
            config.put("type", "TestDense");
            assertEquals(Dense.of(5).config().get("units"), Layers.fromConfig(config).config().get("units"));
            assertThrows(IllegalStateException.class, () -> LayerRegistry.register("TestDense", c -> Dense.of(1)));
            assertThrows(IllegalStateException.class, () -> LayerRegistry.register("Dense", c -> Dense.of(1)), "built-ins stay");
        } finally {
            LayerRegistry.unregister("TestDense", factory);
        }
        assertTrue(!LayerRegistry.types().contains("TestDense"));
    }
}
