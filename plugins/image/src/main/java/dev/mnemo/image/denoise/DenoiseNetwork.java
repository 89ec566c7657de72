package dev.mnemo.image.denoise;

import dev.mnemo.kernel.Activation;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.MaxPool2D;
import dev.mnemo.nn.UpSampling2D;

/**
 * A small convolutional denoising autoencoder with additive skips (a U-Net that adds rather than
 * concatenates), for images {@code [C, H, W]} with H and W divisible by 4. With {@code f} filters:
 * <pre>
 *   e1 = conv(f)(x)                  [f, H, W]       conv = Conv2D 3×3 "same" + ReLU
 *   e2 = conv(2f)(maxpool(e1))       [2f, H/2, W/2]
 *   b  = conv(2f)(maxpool(e2))       [2f, H/4, W/4]   the bottleneck
 *   d2 = conv(2f)(upsample(b)) + e2
 *   d1 = conv(f)(upsample(d2)) + e1
 *   y  = sigmoid(Conv2D 3×3 (C)(d1))  [C, H, W]       the clean image, in [0, 1]
 * </pre>
 * Trained with the mean squared error against the clean image.
 */
final class DenoiseNetwork {
    /** Each of the two poolings halves the size: H and W must be multiples of this. */
    static final int SIZE_MULTIPLE = 4;

    private DenoiseNetwork() {}

    static Graph build(int channels, int height, int width, int filters) {
        Graph.Builder g = Graph.builder();
        Graph.Node x = g.input("noisy", channels, height, width);
        Graph.Node e1 = g.apply(conv(filters), x);
        Graph.Node e2 = g.apply(conv(2 * filters), g.apply(MaxPool2D.of(2), e1));
        Graph.Node bottleneck = g.apply(conv(2 * filters), g.apply(MaxPool2D.of(2), e2));
        Graph.Node d2 = g.add(g.apply(conv(2 * filters), g.apply(UpSampling2D.of(2), bottleneck)), e2);
        Graph.Node d1 = g.add(g.apply(conv(filters), g.apply(UpSampling2D.of(2), d2)), e1);
        return g.build(g.apply(Conv2D.builder().filters(channels).kernel(3).padding("same").activation(Activation.SIGMOID).build(), d1));
    }

    private static Conv2D conv(int filters) {
        return Conv2D.builder().filters(filters).kernel(3).padding("same").activation(Activation.RELU).build();
    }
}
