package dev.mnemo.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Samples that can only be read in order, one pass at a time, for data larger than memory
 * (PyTorch's {@code IterableDataset}). Each {@link #open()} starts a new pass (one epoch); the
 * {@link DataLoader} closes the stream when the epoch ends or is abandoned, which closes the file.
 *
 * <pre>{@code
 * StreamingDataset lines = StreamingDataset.ofLines(Path.of("train.tsv"), line -> {
 *     String[] cols = line.split("\t");
 *     return Sample.of(Field.ids(tokenizer.encode(cols[1])), Field.label(Integer.parseInt(cols[0])));
 * });
 * }</pre>
 *
 * <p>A stream cannot be shuffled globally: the loader shuffles it approximately through a buffer
 * ({@link DataLoader.Builder#shuffleBuffer(int)}). Samples are checked batch by batch against the
 * first sample of the pass.
 */
@FunctionalInterface
public interface StreamingDataset {
    /** Opens a new, lazy pass over all samples; the caller closes it. */
    Stream<Sample> open();

    /** Streams the samples of {@code samples}, whose iterator is asked again for every pass. */
    static StreamingDataset of(Iterable<Sample> samples) {
        return () -> StreamSupport.stream(samples.spliterator(), false);
    }

    /**
     * One sample per line of a UTF-8 text file, read lazily. An exception thrown by
     * {@code parse} becomes an {@link IllegalArgumentException} naming the file and line number.
     */
    static StreamingDataset ofLines(Path file, Function<String, Sample> parse) {
        return () -> {
            Stream<String> lines;
            try {
                lines = Files.lines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            long[] lineNumber = {0};
            return lines.map(line -> {
                lineNumber[0]++;
                try {
                    return parse.apply(line);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber[0] + ": " + e.getMessage(), e);
                }
            });
        };
    }
}
