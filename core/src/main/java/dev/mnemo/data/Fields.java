package dev.mnemo.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Whole columns of {@link Field}s from plain arrays, one field per sample, for
 * {@link Dataset#of(List, List)}:
 *
 * <pre>{@code
 * Dataset speech = Dataset.of(Fields.frames(mfcc), Fields.ids(transcripts));
 * }</pre>
 *
 * <p>Arrays are held, not copied. A bad element fails with the index of its sample.
 */
public final class Fields {
    private Fields() {}

    /** Fixed-shape samples: {@code values[i]} is sample {@code i}, row-major, of {@code shape}. */
    public static List<Field> dense(float[][] values, int... shape) {
        return column(values.length, i -> Field.dense(values[i], shape));
    }

    /** Vectors: {@code values[i]} is sample {@code i}, shape {@code [values[i].length]}. */
    public static List<Field> vectors(float[][] values) {
        return column(values.length, i -> Field.vector(values[i]));
    }

    /** Class indices, one per sample. */
    public static List<Field> labels(int[] classes) {
        return column(classes.length, i -> Field.label(classes[i]));
    }

    /** Id sequences, one per sample, of any lengths {@code >= 1}. */
    public static List<Field> ids(int[][] sequences) {
        return column(sequences.length, i -> Field.ids(sequences[i]));
    }

    /** Frame sequences {@code [T_i][F]}, one per sample. */
    public static List<Field> frames(float[][][] sequences) {
        return column(sequences.length, i -> Field.frames(sequences[i]));
    }

    private static List<Field> column(int samples, IntFunction<Field> field) {
        List<Field> column = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            try {
                column.add(field.apply(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sample " + i + ": " + e.getMessage(), e);
            }
        }
        return column;
    }
}
