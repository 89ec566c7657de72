/**
 * The {@code image-classify} task: a CNN of convolution blocks (Conv2D, BatchNorm, ReLU,
 * MaxPool, Dropout) and a dense head, trained on Fashion-MNIST or the user's folder of classes.
 */
package dev.mnemo.image.classify;
