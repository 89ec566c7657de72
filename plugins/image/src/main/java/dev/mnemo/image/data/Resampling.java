package dev.mnemo.image.data;

/**
 * Resizes {@code [C, H, W]} float images, one axis at a time: shrinking averages the source
 * pixels each target pixel covers, weighted by how much of each it covers (area interpolation,
 * OpenCV's {@code INTER_AREA}); enlarging interpolates bilinearly between pixel centres
 * ({@code align_corners=False}, edges clamped). Equal sizes copy. Every target pixel is a convex
 * combination of source pixels (weights summing to 1), so values in [0, 1] stay in [0, 1].
 */
final class Resampling {
    private Resampling() {}

    /** {@code chw} {@code [channels, height, width]} resized to {@code [channels, toHeight, toWidth]}, a new array. */
    static float[] resize(float[] chw, int channels, int height, int width, int toHeight, int toWidth) {
        Axis rows = Axis.of(height, toHeight);
        Axis columns = Axis.of(width, toWidth);
        float[] wide = new float[channels * height * toWidth];      // [C, H, toWidth]
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int in = (c * height + y) * width;
                int out = (c * height + y) * toWidth;
                for (int x = 0; x < toWidth; x++) {
                    wide[out + x] = columns.sample(chw, in, 1, x);
                }
            }
        }
        float[] resized = new float[channels * toHeight * toWidth]; // [C, toHeight, toWidth]
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < toHeight; y++) {
                for (int x = 0; x < toWidth; x++) {
                    resized[(c * toHeight + y) * toWidth + x] = rows.sample(wide, c * height * toWidth + x, toWidth, y);
                }
            }
        }
        return resized;
    }

    /**
     * The source pixels and weights of each target pixel along one axis.
     *
     * @param first   {@code first[t]} is the first source pixel of target pixel {@code t}
     * @param weights {@code weights[t][k]} weighs source pixel {@code first[t] + k}; they sum to 1
     */
    private record Axis(int[] first, double[][] weights) {
        static Axis of(int from, int to) {
            int[] first = new int[to];
            double[][] weights = new double[to][];
            double scale = (double) from / to;
            for (int t = 0; t < to; t++) {
                if (to <= from) {                                   // area: source span [t, t + 1) * scale
                    double start = t * scale;
                    double end = (t + 1) * scale;
                    first[t] = (int) Math.floor(start);
                    int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
                    weights[t] = new double[last - first[t] + 1];
                    for (int s = first[t]; s <= last; s++) {
                        weights[t][s - first[t]] = (Math.min(end, s + 1) - Math.max(start, s)) / scale;
                    }
                } else if (from == 1) {                             // one source pixel: repeat it
                    weights[t] = new double[] {1};
                } else {                                            // bilinear between pixel centres
                    double centre = Math.clamp((t + 0.5) * scale - 0.5, 0, from - 1);
                    first[t] = Math.min((int) centre, from - 2);
                    double fraction = centre - first[t];
                    weights[t] = new double[] {1 - fraction, fraction};
                }
            }
            return new Axis(first, weights);
        }

        /** Target pixel {@code t} from the source line starting at {@code offset} with {@code stride}. */
        float sample(float[] source, int offset, int stride, int t) {
            double sum = 0;
            double[] w = weights[t];
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * source[offset + (first[t] + k) * stride];
            }
            return (float) sum;
        }
    }
}
