/**
 * The text classification tasks: {@code sentiment} and {@code text-classify}, one LSTM classifier
 * ({@link dev.mnemo.text.classify.TextClassificationTask}) with two profiles.
 */
package dev.mnemo.text.classify;
