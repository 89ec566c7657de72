/**
 * Turning text into token ids: {@link dev.mnemo.text.token.Tokenizer}s split a text into tokens
 * (characters or words), a {@link dev.mnemo.text.token.Vocabulary} maps tokens to ids (0 padding,
 * 1 unknown). Both go into a model file's metadata and come back from it:
 * {@link dev.mnemo.text.token.Tokenizer#config()} /
 * {@link dev.mnemo.text.token.Tokenizer#fromConfig(java.util.Map)} and
 * {@link dev.mnemo.text.token.Vocabulary#tokens()} / {@link dev.mnemo.text.token.Vocabulary#of(java.util.List)}.
 */
package dev.mnemo.text.token;
