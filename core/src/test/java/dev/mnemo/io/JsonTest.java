package dev.mnemo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "lstm \"1\"\n");
        value.put("units", 128L);
        value.put("rate", 0.25);
        value.put("flags", List.of(true, false));
        value.put("none", null);
        assertEquals(value, Json.parse(Json.write(value)));
        assertEquals("{\"a\":[1,2]}", Json.write(Map.of("a", new int[] {1, 2})));
    }

    @Test
    void rejectsMalformedJsonWithTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, }"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
