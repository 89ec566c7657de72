package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.SeqOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A variable-length batch split into groups of samples with equal length, because oneDNN's RNN
 * primitive has no per-sample lengths. Each group runs as its own RNN of exactly its length, so no
 * padded step is ever computed and outputs, final states and gradients are exact; a reverse walk
 * is oneDNN's right-to-left direction over the group's first {@code length} steps.
 *
 * <p>Cost: one primitive run per distinct length (smaller batches make smaller GEMMs), plus a
 * gather of inputs and a scatter of outputs for groups that are not the whole batch. A batch
 * whose samples all have the same length (the common case, or {@code lengths == null}) is one
 * group that runs on the tensors in place.
 *
 * @param groups   non-empty groups, longest first; samples of length 0 belong to no group
 * @param idle     samples of length 0 (their state passes through unchanged)
 */
record LengthGroups(List<Group> groups, int[] idle) {

    /** Samples {@code samples} (ascending batch indices), all of {@code length} valid steps. */
    record Group(int length, int[] samples, boolean wholeBatch) {
        int batch() {
            return samples.length;
        }
    }

    static LengthGroups of(SeqOptions seq, int steps, int batch) {
        TreeMap<Integer, List<Integer>> byLength = new TreeMap<>();
        List<Integer> idle = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            int length = seq.length(b, steps);
            if (length == 0) {
                idle.add(b);
            } else {
                byLength.computeIfAbsent(length, k -> new ArrayList<>()).add(b);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : byLength.descendingMap().entrySet()) {
            int[] samples = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            groups.add(new Group(e.getKey(), samples, samples.length == batch));
        }
        return new LengthGroups(List.copyOf(groups), idle.stream().mapToInt(Integer::intValue).toArray());
    }
}
