/**
 * The text plugin: tokenizers and vocabularies ({@link dev.mnemo.text.token}), readers for the
 * user's texts and the built-in corpora ({@link dev.mnemo.text.data}), and the text tasks
 * ({@link dev.mnemo.text.classify}: {@code sentiment}, {@code text-classify}).
 */
package dev.mnemo.text;
