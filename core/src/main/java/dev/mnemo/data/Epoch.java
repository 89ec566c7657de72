package dev.mnemo.data;

import dev.mnemo.tensor.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

/**
 * One pass over a {@link DataLoader}'s data, batch by batch. Each batch is stacked into the scope
 * given to {@link #next(Scope)}, so a training step that opens a scope, takes a batch and closes
 * the scope frees the batch with the step's other tensors:
 *
 * <pre>{@code
 * try (Epoch epoch = loader.epoch(e)) {
 *     while (epoch.hasNext()) {
 *         try (Scope step = Scope.open()) {
 *             Batch batch = epoch.next(step);
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * Close the epoch (try-with-resources) so that a streaming source releases its file even when
 * the loop stops early.
 */
public final class Epoch implements AutoCloseable {
    private final Iterator<Chunk> chunks;
    private final Runnable onClose;
    private final OptionalInt batches;
    private SampleType type;

    /**
     * @param chunks the batches' samples, in order
     * @param onClose what closing the epoch does (closes a stream)
     * @param type the samples' types, or {@code null} to take them from the first sample
     * @param batches number of batches, if known
     */
    Epoch(Iterator<Chunk> chunks, Runnable onClose, SampleType type, OptionalInt batches) {
        this.chunks = chunks;
        this.onClose = onClose;
        this.type = type;
        this.batches = batches;
    }

    /** Number of batches in this epoch, when the source is indexed (empty for streams). */
    public OptionalInt batches() {
        return batches;
    }

    /** Whether another batch follows. */
    public boolean hasNext() {
        return chunks.hasNext();
    }

    /**
     * The next batch, with its tensors allocated in {@code scope}.
     *
     * @throws IllegalArgumentException if a sample's kind or shape differs from the first sample's
     * @throws NoSuchElementException at the end of the epoch
     */
    public Batch next(Scope scope) {
        Chunk chunk = chunks.next();
        long[] indices = chunk.indices();
        List<Sample> samples = chunk.samples();
        if (type == null) {
            type = SampleType.of(samples.get(0), indices[0]);
        }
        List<Field> features = new ArrayList<>(samples.size());
        List<Field> targets = new ArrayList<>(samples.size());
        for (int b = 0; b < samples.size(); b++) {
            Sample sample = samples.get(b);
            type.check(sample, indices[b]);
            features.add(sample.features());
            targets.add(sample.target());
        }
        Padded x = Collator.stack(scope, features, type.features());
        Padded y = type.target() == null ? null : Collator.stack(scope, targets, type.target());
        return new Batch(x.values(), x.lengths(), y == null ? null : y.values(), y == null ? null : y.lengths(),
                indices);
    }

    /** Ends the pass and closes the streaming source, if any. */
    @Override
    public void close() {
        onClose.run();
    }
}
