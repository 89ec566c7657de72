package dev.mnemo.nn;

import java.util.Arrays;

/**
 * Shape handling shared by the attention layers: {@link #build(int[], int[], BuildContext)}
 * records the keys' shape, then the single-shape {@link #build(int[], BuildContext)} of
 * {@link LayerBase} runs {@link #create(int[], BuildContext)}, which checks both shapes and calls
 * {@link #createParameters(int, int, BuildContext)} (keys = query for self-attention).
 */
abstract class AttentionLayerBase extends LayerBase implements AttentionLayer {
    private int[] pendingKeysShape;

    AttentionLayerBase(String name) {
        super(name);
    }

    @Override
    public final int[] build(int[] queryShape, int[] keysShape, BuildContext context) {
        pendingKeysShape = keysShape.clone();
        try {
            return build(queryShape, context);
        } finally {
            pendingKeysShape = null;
        }
    }

    @Override
    protected final int[] create(int[] queryShape, BuildContext context) {
        int[] keysShape = pendingKeysShape != null ? pendingKeysShape : queryShape;
        if (queryShape.length < 1 || queryShape.length > 2 || keysShape.length != 2 || keysShape[1] < 1
                || queryShape[queryShape.length - 1] < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "' expects queries [Tq, D]"
                    + " or [D] and keys [Tk, D] per sample with known sizes D, got " + Arrays.toString(queryShape)
                    + " and " + Arrays.toString(keysShape));
        }
        createParameters(queryShape[queryShape.length - 1], keysShape[1], context);
        int[] out = queryShape.clone();
        out[out.length - 1] = keysShape[1];
        return out;
    }

    /** Creates the parameters for query size {@code dq} and key size {@code dk}. */
    protected abstract void createParameters(int dq, int dk, BuildContext context);
}
