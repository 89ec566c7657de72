/**
 * Training: losses, metrics, the Keras-like {@link dev.mnemo.train.Model} (compile, fit,
 * evaluate, predict, save, load) and its callbacks.
 */
package dev.mnemo.train;
