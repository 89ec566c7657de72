package dev.mnemo.text.classify;

import dev.mnemo.io.Json;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.text.token.Tokenizer;
import dev.mnemo.text.token.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into the token ids a classifier reads: tokenize, cut to {@code maxLength} tokens,
 * look each up in the vocabulary (unknown tokens get its unknown id). A text with no tokens reads
 * as one unknown token, so every sample has at least one step. Saved in the model file
 * ({@code task.tokenizer}, {@code task.vocabulary}, {@code task.max_length}) and restored from it,
 * so a loaded model reads texts exactly as in training.
 */
record TextEncoder(Tokenizer tokenizer, Vocabulary vocabulary, int maxLength) {

    /** Token ids of {@code text}, at least one. */
    int[] encode(String text) {
        List<String> tokens = tokenizer.tokens(text);
        if (tokens.size() > maxLength) {
            tokens = tokens.subList(0, maxLength);
        }
        int[] ids = vocabulary.encode(tokens);
        return ids.length == 0 ? new int[] {Vocabulary.UNKNOWN_ID} : ids;
    }

    /** Token ids of every text. */
    int[][] encode(List<String> texts) {
        int[][] ids = new int[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encode(texts.get(i));
        }
        return ids;
    }

    /** The model-file entries that restore this encoder. */
    Map<String, String> metadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("task.tokenizer", Json.write(tokenizer.config()));
        meta.put("task.vocabulary", Json.write(vocabulary.tokens()));
        meta.put("task.max_length", Integer.toString(maxLength));
        return meta;
    }

    /** The encoder a model file was saved with. */
    @SuppressWarnings("unchecked")
    static TextEncoder from(TaskModelFile.Loaded file) {
        Map<String, String> config = (Map<String, String>) (Map<?, ?>) Json.parse(file.get("task.tokenizer"));
        List<String> tokens = (List<String>) (List<?>) Json.parse(file.get("task.vocabulary"));
        return new TextEncoder(Tokenizer.fromConfig(config), Vocabulary.of(tokens), Integer.parseInt(file.get("task.max_length")));
    }
}
