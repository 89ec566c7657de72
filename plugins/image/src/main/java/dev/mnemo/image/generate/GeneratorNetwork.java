package dev.mnemo.image.generate;

import dev.mnemo.kernel.Activation;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.Flatten;
import dev.mnemo.nn.GlobalMaxPooling1D;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Reshape;
import dev.mnemo.nn.Sequential;
import dev.mnemo.nn.UpSampling2D;

/**
 * The layers of the conditional VAE ({@link ConditionalVae}) for images {@code [C, H, W]} with H
 * and W divisible by 4, and the generator graph that is saved:
 * <pre>
 *   prompt encoder  c = max over steps of BiLSTM(units)(Embedding(chars, 32)(prompt))    [2·units]
 *   decoder         x̂ = Dense(256) → Dense(2f·H/4·W/4) → Reshape → Up ×2 → Conv 3×3 (2f) → Up ×2
 *                        → Conv 3×3 (f) → Conv 3×3 (C)   on [z | c]                      [C, H, W] logits
 *   image encoder   h = Conv 3×3/2 (f) → Conv 3×3/2 (2f) → Flatten → Dense(256)          training only
 *   posterior       [μ | log σ²] = Dense(2Z)([h | c])                                     training only
 *   prompt classes  Dense(classes)(c): which class the prompt names                       training only
 * </pre>
 * (ReLU after every hidden layer.) The generator graph maps inputs {@code z [Z]} and
 * {@code prompt [T]} (character ids) to the image logits through the prompt encoder and the decoder.
 *
 * @param promptEncoder the prompt's characters to a vector
 * @param decoder       [z | c] to image logits
 * @param imageEncoder  an image to features, for the posterior
 * @param posterior     [h | c] to the latent statistics
 * @param promptClasses c to class logits, the auxiliary task that makes c name the class from the start
 * @param generator     the saved graph: (z, prompt) to image logits
 */
record GeneratorNetwork(Sequential promptEncoder, Sequential decoder, Sequential imageEncoder, Dense posterior, Dense promptClasses,
        Graph generator) {

    static GeneratorNetwork create(int channels, int height, int width, int classes, int latent, int units, int filters) {
        // max-pooling the steps lets a word count wherever it stands: "boots for winter" as "winter boots"
        Sequential promptEncoder = Sequential.of(Embedding.masked(PromptEncoder.VOCABULARY, 32),
                LSTM.builder().units(units).bidirectional(true).returnSequences(true).build(), GlobalMaxPooling1D.of());
        promptEncoder.setName("prompt_encoder");
        Sequential decoder = Sequential.of(Dense.of(256, Activation.RELU),
                Dense.of(2 * filters * (height / 4) * (width / 4), Activation.RELU), Reshape.of(2 * filters, height / 4, width / 4),
                UpSampling2D.of(2), conv(2 * filters, 1, Activation.RELU), UpSampling2D.of(2), conv(filters, 1, Activation.RELU),
                conv(channels, 1, null));
        decoder.setName("decoder");
        Sequential imageEncoder = Sequential.of(conv(filters, 2, Activation.RELU), conv(2 * filters, 2, Activation.RELU),
                Flatten.of(), Dense.of(256, Activation.RELU));
        imageEncoder.setName("image_encoder");
        Dense posterior = new Dense("posterior", 2 * latent, null, true);
        Dense promptClasses = new Dense("prompt_classes", classes, null, true);
        Graph.Builder g = Graph.builder();
        Graph.Node z = g.input("z", latent);
        Graph.Node prompt = g.input("prompt", -1);
        Graph generator = g.build(g.apply(decoder, g.concat(z, g.apply(promptEncoder, prompt))));
        return new GeneratorNetwork(promptEncoder, decoder, imageEncoder, posterior, promptClasses, generator);
    }

    /** A 3×3 convolution that keeps the size (stride 1) or halves it (stride 2, padding 1). */
    private static Conv2D conv(int filters, int stride, Activation activation) {
        var conv = Conv2D.builder().filters(filters).kernel(3).activation(activation);
        return (stride == 1 ? conv.padding("same") : conv.stride(2).padding(1)).build();
    }
}
