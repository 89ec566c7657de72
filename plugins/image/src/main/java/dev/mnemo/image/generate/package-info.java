/**
 * The {@code text-to-image} task: a conditional variational autoencoder whose decoder draws an
 * image from a latent code and a character-level BiLSTM reading of a free-text prompt, scored by
 * a separately trained {@code image-classify} judge on training and held-out phrasings.
 */
package dev.mnemo.image.generate;
