/**
 * Whole-model workloads through Mnemo's user API ({@link dev.mnemo.train.Model}: layers,
 * {@code fit} over a {@link dev.mnemo.data.DataLoader}, Adam, {@code predict}), for the
 * side-by-side comparison with PyTorch in {@code benchmarks/peers/side_by_side.py}, which drives
 * {@link dev.mnemo.benchmarks.endtoend.EndToEnd} over a line protocol so that both frameworks
 * run interleaved in one session. Also the flat-memory check of a long training run
 * ({@link dev.mnemo.benchmarks.endtoend.MemoryRun}).
 */
package dev.mnemo.benchmarks.endtoend;
