package dev.mnemo.data;

/**
 * A streamed sample with its position in the stream (0-based, counted per epoch).
 *
 * @param position the sample's position in its pass over the stream
 * @param sample the sample
 */
record Indexed(long position, Sample sample) {}
