/**
 * The {@code denoise} task: a convolutional denoising autoencoder with additive skips, trained on
 * (noisy, clean) pairs, measured by PSNR, and applied to image files of any size.
 */
package dev.mnemo.image.denoise;
