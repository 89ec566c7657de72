package dev.mnemo.text.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EscapedLinesTest {
    @Test
    void roundTripsLineBreaksAndBackslashes() {
        List<String> strings = List.of("a\nb", "\\", "\\n", "\r\n", "", "x");
        String joined = EscapedLines.join(strings);
        assertEquals("a\\nb\n\\\\\n\\\\n\n\\r\\n\n\nx", joined);
        assertEquals(strings, EscapedLines.split(joined));
    }

    @Test
    void aDanglingOrUnknownEscapeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> EscapedLines.split("a\\"));
        assertThrows(IllegalArgumentException.class, () -> EscapedLines.split("a\\t"));
    }
}
