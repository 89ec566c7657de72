package dev.mnemo.text.classify;

import dev.mnemo.task.TaskAction;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of a text classification task and the network they describe: a masked embedding,
 * a (bidirectional) peephole LSTM over the tokens, max-pooling over time of its outputs, dropout,
 * and a dense layer to the class logits.
 *
 * @param tokens        "words" or "chars"
 * @param lowercase     fold case before tokenizing
 * @param stopWords     drop English stop words (negations are kept)
 * @param minCount      a token enters the vocabulary when seen this often in the training split
 * @param maxVocabulary largest vocabulary, most frequent tokens first
 * @param maxLength     tokens read per text (the rest is cut off)
 * @param embedding     embedding width
 * @param hidden        LSTM units per direction
 * @param layers        stacked LSTM layers
 * @param bidirectional read the text both ways
 * @param pooling       how the LSTM's steps become one vector: "max", or "max-mean" (both, concatenated)
 * @param dropout       dropout rate on the embeddings and on the pooled features
 * @param weightDecay   decoupled weight decay (AdamW) per step, relative to the learning rate; 0 for Adam
 * @param patience      epochs without a better validation accuracy before training stops
 */
record ClassifierSettings(String tokens, boolean lowercase, boolean stopWords, int minCount, int maxVocabulary,
        int maxLength, int embedding, int hidden, int layers, boolean bidirectional, String pooling, double dropout,
        double weightDecay, int patience) {

    /** The option list a task declares, with its tuned defaults. */
    static List<TaskOption> options(ClassifierSettings defaults) {
        List<TaskOption> model = List.of(
                TaskOption.choice("tokens", defaults.tokens(), "what the model reads", "words", "chars"),
                TaskOption.flag("lowercase", defaults.lowercase(), "fold text to lower case"),
                TaskOption.flag("stop-words", defaults.stopWords(), "drop English stop words (negations stay)"),
                TaskOption.integer("min-count", defaults.minCount(), "times a token must occur in training to get an id"),
                TaskOption.integer("max-vocabulary", defaults.maxVocabulary(), "largest vocabulary (most frequent tokens)"),
                TaskOption.integer("max-length", defaults.maxLength(), "tokens read per text; the rest is cut off"),
                TaskOption.integer("embedding", defaults.embedding(), "embedding width"),
                TaskOption.integer("hidden", defaults.hidden(), "LSTM units per direction"),
                TaskOption.integer("layers", defaults.layers(), "stacked LSTM layers"),
                TaskOption.flag("bidirectional", defaults.bidirectional(), "read texts in both directions"),
                TaskOption.choice("pooling", defaults.pooling(), "how the LSTM's steps are pooled", "max", "max-mean"),
                TaskOption.number("dropout", defaults.dropout(), "dropout on embeddings and pooled features"),
                TaskOption.number("weight-decay", defaults.weightDecay(), "AdamW's decoupled weight decay (0: plain Adam)"),
                TaskOption.integer("patience", defaults.patience(), "epochs without a better val_accuracy before stopping"));
        List<TaskOption> all = new ArrayList<>(List.of(
                TaskOption.text("text-column", "text", "CSV/TSV --data: the column holding the text").onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE),
                TaskOption.text("label-column", "label", "CSV/TSV --data: the column holding the label").onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE)));
        model.forEach(option -> all.add(option.onlyFor(TaskAction.TRAIN))); // a saved model carries these
        return List.copyOf(all);
    }

    /** The settings a run asked for; sizes out of range are usage errors naming the option. */
    static ClassifierSettings from(TaskOptions o) {
        return new ClassifierSettings(o.text("tokens"), o.flag("lowercase"), o.flag("stop-words"),
                o.integer("min-count", 1), o.integer("max-vocabulary", 2), o.integer("max-length", 1), o.integer("embedding", 1),
                o.integer("hidden", 1), o.integer("layers", 1), o.flag("bidirectional"), o.text("pooling"),
                o.number("dropout", 0, 1), o.number("weight-decay", 0, 1), o.integer("patience", 1));
    }
}
