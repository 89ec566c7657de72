package dev.mnemo.image.data;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The array an IDX file holds: its element type, its dims and its elements, kept as the file's
 * big-endian bytes (a 60000 x 28 x 28 image file stays 47 MB of bytes, not 188 MB of floats).
 *
 * <p>The first dim counts items, the others give the shape of one item: an image file of dims
 * {@code [N, 28, 28]} has {@code N} items of {@code 784} elements, a label file of dims {@code [N]}
 * has {@code N} items of one element. Items are read out as floats, optionally scaled.
 */
public final class IdxArray {
    private final IdxType type;
    private final int[] dims;
    private final byte[] data;
    private final ByteBuffer view;
    private final int itemSize;

    /**
     * An array of {@code type} and {@code dims} over {@code data}, held, not copied.
     *
     * @param type the element type
     * @param dims the sizes, each at least 1; {@code dims[0]} counts the items
     * @param data the elements, row-major, each {@link IdxType#size()} bytes, big-endian
     * @throws IllegalArgumentException if a dim is below 1 or {@code data} does not hold exactly
     *                                  the elements the dims describe
     */
    public IdxArray(IdxType type, int[] dims, byte[] data) {
        if (dims.length == 0 || dims.length > 255) {
            throw new IllegalArgumentException("an IDX array has 1 to 255 dims, got " + dims.length);
        }
        for (int dim : dims) {
            if (dim < 1) {
                throw new IllegalArgumentException("IDX dims must be at least 1, got " + Arrays.toString(dims));
            }
        }
        long bytes = dataBytes(type, dims, data.length);
        if (bytes != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " of " + type + " describe "
                    + (bytes < 0 ? "more than " + data.length : bytes) + " bytes of data, got " + data.length);
        }
        this.type = type;
        this.dims = dims.clone();
        this.data = data;
        this.view = ByteBuffer.wrap(data).asReadOnlyBuffer();
        this.itemSize = (int) (bytes / type.size() / dims[0]);
    }

    /**
     * The bytes of data that {@code dims} (each at least 1) of {@code type} describe, or -1 when
     * that is more than {@code limit}; never overflows.
     */
    static long dataBytes(IdxType type, int[] dims, long limit) {
        long bytes = type.size();
        for (int dim : dims) {
            if (bytes > limit / dim) {
                return -1;
            }
            bytes *= dim;
        }
        return bytes;
    }

    /** An unsigned-byte array (pixels or labels) over {@code data}, held, not copied. */
    public static IdxArray ofUnsignedBytes(byte[] data, int... dims) {
        return new IdxArray(IdxType.UNSIGNED_BYTE, dims, data);
    }

    /** The element type. */
    public IdxType type() {
        return type;
    }

    /** The sizes; {@code dims()[0]} counts the items. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of items, {@code dims()[0]}. */
    public int itemCount() {
        return dims[0];
    }

    /** Elements per item: the product of the dims after the first (1 for a one-dim array). */
    public int itemSize() {
        return itemSize;
    }

    /** Item {@code index}, {@code [itemSize()]}, each element as a float. */
    public float[] item(int index) {
        return item(index, 1.0);
    }

    /**
     * Item {@code index}, {@code [itemSize()]}, each element times {@code scale} (computed in double,
     * then rounded to float; {@code scale = 1.0 / 255} maps unsigned bytes to {@code value / 255f}
     * exactly).
     */
    public float[] item(int index, double scale) {
        if (index < 0 || index >= dims[0]) {
            throw new IndexOutOfBoundsException("item " + index + " of " + dims[0]);
        }
        float[] values = new float[itemSize];
        int first = index * itemSize;
        for (int k = 0; k < itemSize; k++) {
            values[k] = (float) (element(first + k) * scale);
        }
        return values;
    }

    /** Every item, {@code [itemCount()][itemSize()]}, each element times {@code scale} as in {@link #item(int, double)}. */
    public float[][] items(double scale) {
        float[][] items = new float[dims[0]][];
        for (int i = 0; i < items.length; i++) {
            items[i] = item(i, scale);
        }
        return items;
    }

    /**
     * Every element as an int, row-major (for label files).
     *
     * @throws IllegalStateException if the type is {@link IdxType#FLOAT} or {@link IdxType#DOUBLE}
     */
    public int[] toIntArray() {
        if (!type.isInteger()) {
            throw new IllegalStateException("an IDX array of " + type + " does not hold integers");
        }
        int[] values = new int[data.length / type.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = (int) element(k);
        }
        return values;
    }

    /** The elements as the file stores them (big-endian), not a copy: for {@link Idx#write}. */
    byte[] data() {
        return data;
    }

    /** Element {@code k} of the row-major array. */
    private double element(int k) {
        return switch (type) {
            case UNSIGNED_BYTE -> data[k] & 0xFF;
            case SIGNED_BYTE -> data[k];
            case SHORT -> view.getShort(k * 2);
            case INT -> view.getInt(k * 4);
            case FLOAT -> view.getFloat(k * 4);
            case DOUBLE -> view.getDouble(k * 8);
        };
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + " " + Arrays.toString(dims) + "]";
    }
}
