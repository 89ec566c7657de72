package dev.mnemo.data;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Stacks the fields of {@code B} samples into one tensor allocated in the caller's scope.
 * Sequences are right-padded with 0 to the longest sequence among these samples ({@code Tmax}):
 * <pre>
 *   Dense  [shape]   -> [B, ...shape]
 *   Label            -> [B]            class index as a float
 *   Ids    [T_b]     -> [B, Tmax]      ids as floats, 0 after step T_b
 *   Frames [T_b][F]  -> [B, Tmax, F]   0 after step T_b
 * </pre>
 */
final class Collator {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Collator() {}

    /** Stacks {@code fields}, all of kind {@code type} (already checked). */
    static Padded stack(Scope scope, List<Field> fields, FieldType type) {
        int batch = fields.size();
        int[] lengths = type.isSequence() ? new int[batch] : null;
        int maxSteps = 0;
        for (int b = 0; lengths != null && b < batch; b++) {
            lengths[b] = fields.get(b).steps();
            maxSteps = Math.max(maxSteps, lengths[b]);
        }
        Tensor out = scope.zeros(batchShape(batch, maxSteps, type));
        MemorySegment memory = out.segment();
        int rowFloats = batch == 0 ? 0 : (int) (out.size() / batch);
        for (int b = 0; b < batch; b++) {
            long rowStart = (long) b * rowFloats;
            switch (fields.get(b)) {
                case Field.Dense d -> MemorySegment.copy(d.values(), 0, memory, FLOAT, rowStart * Float.BYTES,
                        d.values().length);
                case Field.Label l -> out.set(b, l.index());
                case Field.Ids i -> {
                    int[] ids = i.ids();
                    for (int t = 0; t < ids.length; t++) {
                        out.set(rowStart + t, ids[t]);
                    }
                }
                case Field.Frames f -> {
                    float[][] frames = f.frames();
                    int width = f.width();
                    for (int t = 0; t < frames.length; t++) {
                        MemorySegment.copy(frames[t], 0, memory, FLOAT, (rowStart + (long) t * width) * Float.BYTES,
                                width);
                    }
                }
            }
        }
        return new Padded(out, lengths);
    }

    private static int[] batchShape(int batch, int steps, FieldType type) {
        int[] fixed = type.shape();
        int[] shape;
        if (type.isSequence()) {
            shape = new int[2 + fixed.length];
            shape[1] = steps;
            System.arraycopy(fixed, 0, shape, 2, fixed.length);
        } else {
            shape = new int[1 + fixed.length];
            System.arraycopy(fixed, 0, shape, 1, fixed.length);
        }
        shape[0] = batch;
        return shape;
    }
}
