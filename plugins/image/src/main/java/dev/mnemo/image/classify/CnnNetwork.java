package dev.mnemo.image.classify;

import dev.mnemo.kernel.Activation;
import dev.mnemo.nn.ActivationLayer;
import dev.mnemo.nn.BatchNorm;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Dropout;
import dev.mnemo.nn.Flatten;
import dev.mnemo.nn.Layer;
import dev.mnemo.nn.MaxPool2D;
import dev.mnemo.nn.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier {@link CnnSettings} describe, for images {@code [C, H, W]}: {@code blocks} times
 * <pre>
 *   Conv2D 3×3 "same" (filters · 2^block; no bias when batch norm follows) → BatchNorm → ReLU → MaxPool 2×2 → Dropout
 * </pre>
 * then Flatten → Dense(dense) → ReLU → Dropout → Dense(classes), giving the class logits.
 */
final class CnnNetwork {
    private CnnNetwork() {}

    static Sequential build(CnnSettings s, int classes) {
        List<Layer> layers = new ArrayList<>();
        for (int block = 0; block < s.blocks(); block++) {
            layers.add(Conv2D.builder().filters(s.filters() << block).kernel(3).padding("same").useBias(!s.batchNorm())
                    .activation(s.batchNorm() ? null : Activation.RELU).build());
            if (s.batchNorm()) {
                layers.add(BatchNorm.of());
                layers.add(ActivationLayer.of(Activation.RELU));
            }
            layers.add(MaxPool2D.of(2));
            if (s.convDropout() > 0) {
                layers.add(Dropout.of((float) s.convDropout()));
            }
        }
        layers.add(Flatten.of());
        layers.add(Dense.of(s.dense(), Activation.RELU));
        if (s.dropout() > 0) {
            layers.add(Dropout.of((float) s.dropout()));
        }
        layers.add(Dense.of(classes));
        return Sequential.of(layers);
    }
}
