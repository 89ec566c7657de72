package dev.mnemo.text.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file as strict UTF-8: a leading byte order mark is dropped, and malformed bytes are
 * a {@link TextDataException} that names the line holding them instead of silently becoming
 * {@code U+FFFD}.
 */
final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {}

    /** The file's text without a leading byte order mark; line endings are kept as they are. */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TextDataException(file, "cannot be read (" + e + "); check that it exists and is readable");
        }
        String text = decode(file, bytes);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new TextDataException(file, lineAt(bytes, offset), String.format(
                    "byte 0x%02x at offset %d is not valid UTF-8; save the file as UTF-8",
                    bytes[offset] & 0xff, offset));
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
