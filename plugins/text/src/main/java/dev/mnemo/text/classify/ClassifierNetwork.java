package dev.mnemo.text.classify;

import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Dropout;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.GlobalMaxPooling1D;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Layer;
import dev.mnemo.nn.Sequential;

/**
 * The text classifier's network: token ids {@code [B, T]} (0 = padding, masked) → embedding
 * {@code [B, T, E]} → dropout → peephole LSTM, stacked and bidirectional as set, returning every
 * step {@code [B, T, H·d]} → max over the real steps {@code [B, H·d]} → dropout → class logits
 * {@code [B, C]}. Max-pooling lets any part of a long text decide, instead of only the last state.
 */
final class ClassifierNetwork {
    private ClassifierNetwork() {}

    static Layer build(ClassifierSettings s, int vocabulary, int classes) {
        float dropout = (float) s.dropout();
        return Sequential.of(
                Embedding.masked(vocabulary, s.embedding()),
                Dropout.of(dropout),
                LSTM.builder().units(s.hidden()).layers(s.layers()).bidirectional(s.bidirectional())
                        .dropout(s.layers() > 1 ? dropout : 0f).returnSequences(true).build(),
                GlobalMaxPooling1D.of(),
                Dropout.of(dropout),
                Dense.of(classes));
    }
}
