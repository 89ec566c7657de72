package dev.mnemo.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A dense, row-major float32 tensor: a shape over a {@link MemorySegment}.
 *
 * <p>Tensors are created by a {@link Scope}, which owns their memory. {@link #view(int...)},
 * {@link #slice(int)} and {@link #narrow(int, int)} return views that share the memory (no
 * copy). The surface is deliberately small: heavy math lives in the kernel SPI
 * ({@code dev.mnemo.kernel}), not here.
 */
public final class Tensor {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final MemorySegment segment;
    private final int[] shape;
    private final long size;

    Tensor(MemorySegment segment, int[] shape) {
        this.shape = shape.clone();
        this.size = sizeOf(this.shape);
        if (segment.byteSize() != size * Float.BYTES) {
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes does not hold shape "
                    + Arrays.toString(shape));
        }
        this.segment = segment;
    }

    /** Wraps existing float memory (for example a native buffer) as a tensor, without copying. */
    public static Tensor wrap(MemorySegment segment, int... shape) {
        return new Tensor(segment, shape);
    }

    /** Number of elements of {@code shape}; rejects negative dimensions with the shape in the message. */
    public static long sizeOf(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The backing memory: {@link #size()} floats, little-endian, row-major. */
    public MemorySegment segment() {
        return segment;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis}; negative axes count from the end ({@code -1} is the last). */
    public int dim(int axis) {
        int a = axis < 0 ? shape.length + axis : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " out of range for shape " + Arrays.toString(shape));
        }
        return shape[a];
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Whether the shape equals {@code expected}. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** Element at flat (row-major) index {@code i}. */
    public float get(long i) {
        return segment.getAtIndex(FLOAT, i);
    }

    /** Sets the element at flat index {@code i}. */
    public void set(long i, float value) {
        segment.setAtIndex(FLOAT, i, value);
    }

    /** Adds {@code value} to the element at flat index {@code i}. */
    public void add(long i, float value) {
        segment.setAtIndex(FLOAT, i, segment.getAtIndex(FLOAT, i) + value);
    }

    /** The same memory with another shape of equal size. */
    public Tensor view(int... newShape) {
        if (sizeOf(newShape) != size) {
            throw new IllegalArgumentException("cannot view shape " + Arrays.toString(shape) + " (" + size
                    + " elements) as " + Arrays.toString(newShape) + " (" + sizeOf(newShape) + " elements)");
        }
        return new Tensor(segment, newShape);
    }

    /** Sub-tensor {@code index} along the first axis: shape {@code shape[1:]}, shared memory. */
    public Tensor slice(int index) {
        return narrow(index, 1).view(Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** Rows {@code [start, start+length)} along the first axis, shared memory. */
    public Tensor narrow(int start, int length) {
        if (shape.length == 0 || start < 0 || length < 0 || start + length > shape[0]) {
            throw new IllegalArgumentException("narrow(" + start + ", " + length + ") out of range for shape "
                    + Arrays.toString(shape));
        }
        long row = shape[0] == 0 ? 0 : size / shape[0];
        int[] s = shape.clone();
        s[0] = length;
        return new Tensor(segment.asSlice(start * row * Float.BYTES, length * row * Float.BYTES), s);
    }

    /** Copies all values of {@code source}, which must have the same number of elements. */
    public void copyFrom(Tensor source) {
        if (source.size != size) {
            throw new IllegalArgumentException("copyFrom: source shape " + Arrays.toString(source.shape)
                    + " does not match " + Arrays.toString(shape));
        }
        MemorySegment.copy(source.segment, 0, segment, 0, size * Float.BYTES);
    }

    /** Copies {@code values} in, which must have exactly {@link #size()} elements. */
    public void copyFrom(float[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("copyFrom: " + values.length + " values for shape "
                    + Arrays.toString(shape));
        }
        MemorySegment.copy(values, 0, segment, FLOAT, 0, values.length);
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        if (value == 0f) {
            segment.fill((byte) 0);
        } else {
            for (long i = 0; i < size; i++) {
                set(i, value);
            }
        }
    }

    /** The values as a new heap array. */
    public float[] toArray() {
        return segment.toArray(FLOAT);
    }

    /** Shape only, e.g. {@code Tensor[64, 128]}; values are not printed. */
    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
