/**
 * Layers and models: parameters, the layer contract, Sequential and functional models.
 *
 * <p>Layers take and return {@link dev.mnemo.autograd.Variable}s on a
 * {@link dev.mnemo.autograd.Tape}; sequences are batch-first {@code [B, T, F]} at this level (as
 * in Keras) and carry their per-sample lengths, so masks propagate from an embedding or a padded
 * batch through every recurrent layer.
 */
package dev.mnemo.nn;
