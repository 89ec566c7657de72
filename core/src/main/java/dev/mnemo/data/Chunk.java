package dev.mnemo.data;

import java.util.List;

/**
 * The samples of one batch before stacking, with where each came from.
 *
 * @param indices dataset index (or stream position) of each sample
 * @param samples the samples, in batch order
 */
record Chunk(long[] indices, List<Sample> samples) {}
