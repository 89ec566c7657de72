/**
 * Datasets and loaders: samples in, padded batch tensors out.
 *
 * <p>A {@link dev.mnemo.data.Sample} pairs features with a target, each a
 * {@link dev.mnemo.data.Field}: a fixed-shape array (image {@code [C, H, W]}, vector {@code [F]}),
 * a class index, a token-id sequence or a frame sequence {@code [T][F]}. A
 * {@link dev.mnemo.data.Dataset} holds samples for random access (built from arrays, or your own
 * lazy implementation); a {@link dev.mnemo.data.StreamingDataset} reads them in order, one pass
 * per epoch, for data larger than memory. A {@link dev.mnemo.data.DataLoader} shuffles with a
 * seed and stacks samples into {@link dev.mnemo.data.Batch}es whose tensors live in the scope of
 * the training step.
 *
 * <pre>{@code
 * Dataset data = Dataset.ofSequences(tokenIds, labels);      // int[N][T_i] ids >= 1, int[N] classes
 * Split split = data.split(0.2, 7);                          // random 80/20 (splitLast: Keras style)
 * DataLoader loader = DataLoader.builder(split.train()).batchSize(32).shuffle(42).build();
 * for (int e = 0; e < 10; e++) {
 *     try (Epoch epoch = loader.epoch(e)) {
 *         while (epoch.hasNext()) {
 *             try (Scope step = Scope.open()) {
 *                 Batch batch = epoch.next(step);
 *                 Tensor x = batch.features();               // [B, T] ids as floats, T = longest in batch
 *                 int[] lengths = batch.lengths();           // valid steps of each sample
 *                 Tensor y = batch.targets();                // [B] class indices as floats
 *                 ...                                        // forward, backward, update
 *             }                                              // the batch is freed here
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Padding convention.</b> Sequences are right-padded with 0 to the longest sequence in
 * their batch, batch-first ({@code [B, T]} for ids, {@code [B, T, F]} for frames), and every
 * batch carries the lengths. Token id 0 is reserved for padding: feature ids start at 1 (a
 * feature sequence containing id 0 is rejected). Per-step targets are padded the same way, with
 * their own lengths ({@link dev.mnemo.data.Batch#targetLengths()}) and mask; there class 0 is a
 * valid value, since the lengths mark the padding.
 *
 * <p><b>Errors.</b> Ragged shapes, mixed kinds, mismatched feature and target counts, empty
 * datasets and bad options fail with an {@link java.lang.IllegalArgumentException} that names the
 * sample index and the shapes involved.
 */
package dev.mnemo.data;
