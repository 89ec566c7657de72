/**
 * Images for the image tasks: the built-in data, the user's own, and what training does to them.
 *
 * <ul>
 *   <li>{@link dev.mnemo.image.data.ImageSet}: labelled images of one shape, {@code [C, H, W]}
 *       floats in [0, 1], in memory.
 *   <li>{@link dev.mnemo.image.data.FashionMnist}: the built-in set, from the Debian package
 *       {@code dataset-fashion-mnist}, read by {@link dev.mnemo.image.data.Idx} (IDX files, plain
 *       or gzipped, into an {@link dev.mnemo.image.data.IdxArray}).
 *   <li>{@link dev.mnemo.image.data.ImageFolder}: the user's {@code --data}, one subfolder of
 *       image files per class; {@link dev.mnemo.image.data.ImageFiles} reads and writes single
 *       files (PNG, JPEG, BMP, GIF) and {@link dev.mnemo.image.data.ImageGrid} writes contact
 *       sheets.
 *   <li>{@link dev.mnemo.image.data.AugmentedImages}: an image set as a training
 *       {@link dev.mnemo.data.Dataset}, with seeded {@link dev.mnemo.image.data.Augmentation}
 *       and per-channel {@link dev.mnemo.image.data.Normalization}.
 * </ul>
 *
 * <p>Bad data gives one {@link dev.mnemo.image.data.ImageDataException} that names the file and
 * the problem and says what to do. Nothing here downloads anything, and every write is atomic.
 */
package dev.mnemo.image.data;
