/**
 * The image plugin: a PF4J plugin jar with the image tasks ({@code image-classify}, {@code denoise},
 * {@code text-to-image}) as {@code @Extension}s of {@link dev.mnemo.task.Task}, and the readers they
 * share ({@link dev.mnemo.image.data}: IDX files, Fashion-MNIST, PNG/JPEG files, folders of classes).
 */
package dev.mnemo.image;
