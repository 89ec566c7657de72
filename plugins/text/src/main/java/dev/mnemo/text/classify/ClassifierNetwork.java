package dev.mnemo.text.classify;

import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Dropout;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.GlobalAveragePooling1D;
import dev.mnemo.nn.GlobalMaxPooling1D;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Layer;
import dev.mnemo.nn.Sequential;

/**
 * The text classifier's network: token ids {@code [B, T]} (0 = padding, masked) → embedding
 * {@code [B, T, E]} → dropout → peephole LSTM, stacked and bidirectional as set, returning every
 * step {@code [B, T, H·d]} → pooled over the real steps → dropout → class logits {@code [B, C]}.
 * Pooling {@code max} keeps each feature's largest value {@code [B, H·d]}, so any part of a long
 * text can decide instead of only the last state; {@code max-mean} concatenates the max and the
 * mean over the steps {@code [B, 2·H·d]}.
 */
final class ClassifierNetwork {
    private ClassifierNetwork() {}

    static Layer build(ClassifierSettings s, int vocabulary, int classes) {
        float dropout = (float) s.dropout();
        LSTM lstm = LSTM.builder().units(s.hidden()).layers(s.layers()).bidirectional(s.bidirectional())
                .dropout(s.layers() > 1 ? dropout : 0f).returnSequences(true).build();
        if (s.pooling().equals("max")) {
            return Sequential.of(Embedding.masked(vocabulary, s.embedding()), Dropout.of(dropout), lstm,
                    GlobalMaxPooling1D.of(), Dropout.of(dropout), Dense.of(classes));
        }
        Graph.Builder g = Graph.builder();
        Graph.Node tokens = g.input("tokens", -1);
        Graph.Node steps = g.apply(lstm, g.apply(Dropout.of(dropout), g.apply(Embedding.masked(vocabulary, s.embedding()), tokens)));
        Graph.Node pooled = g.concat(g.apply(GlobalMaxPooling1D.of(), steps), g.apply(GlobalAveragePooling1D.of(), steps));
        return g.build(g.apply(Dense.of(classes), g.apply(Dropout.of(dropout), pooled)));
    }
}
