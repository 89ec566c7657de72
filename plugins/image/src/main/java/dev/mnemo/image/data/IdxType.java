package dev.mnemo.image.data;

import java.util.Arrays;
import java.util.Optional;

/** The element types of an IDX file, by the type byte of its header; all multi-byte types are big-endian. */
public enum IdxType {
    /** {@code 0x08}: unsigned byte, 0 to 255 (pixels, labels). */
    UNSIGNED_BYTE(0x08, 1),
    /** {@code 0x09}: signed byte, -128 to 127. */
    SIGNED_BYTE(0x09, 1),
    /** {@code 0x0B}: 16-bit signed integer. */
    SHORT(0x0B, 2),
    /** {@code 0x0C}: 32-bit signed integer. */
    INT(0x0C, 4),
    /** {@code 0x0D}: IEEE 754 single precision. */
    FLOAT(0x0D, 4),
    /** {@code 0x0E}: IEEE 754 double precision. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int size;

    IdxType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    /** The type byte in the header. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether the elements are integers (every type but {@link #FLOAT} and {@link #DOUBLE}). */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE;
    }

    /** The type with header byte {@code code}, if there is one. */
    public static Optional<IdxType> of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** The known type bytes, for error messages: {@code 0x08 (UNSIGNED_BYTE), 0x09 (SIGNED_BYTE), ...}. */
    static String known() {
        return String.join(", ", Arrays.stream(values()).map(type -> "0x%02X (%s)".formatted(type.code, type)).toList());
    }
}
