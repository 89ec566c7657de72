/**
 * Turning text into token ids: {@link dev.mnemo.text.token.Tokenizer}s split a text into tokens
 * (characters or words), a {@link dev.mnemo.text.token.Vocabulary} maps tokens to ids (0 padding,
 * 1 unknown). Both save themselves as strings for a model file's metadata and are restored from
 * them: {@link dev.mnemo.text.token.Tokenizer#config()} /
 * {@link dev.mnemo.text.token.Tokenizer#fromConfig(java.util.Map)} and
 * {@link dev.mnemo.text.token.Vocabulary#toText()} / {@link dev.mnemo.text.token.Vocabulary#fromText(String)}.
 */
package dev.mnemo.text.token;
