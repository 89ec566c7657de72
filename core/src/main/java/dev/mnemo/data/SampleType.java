package dev.mnemo.data;

import dev.mnemo.data.FieldType.Role;

/**
 * The types every sample of a dataset shares, taken from its first sample.
 *
 * @param features type of the features
 * @param target type of the target, or {@code null} when samples are unlabeled
 */
record SampleType(FieldType features, FieldType target) {
    /** The type of {@code first}, after checking it as sample {@code index}. */
    static SampleType of(Sample first, long index) {
        if (first == null) {
            throw new IllegalArgumentException("sample " + index + " is null");
        }
        SampleType type = new SampleType(FieldType.of(first.features()),
                first.isLabeled() ? FieldType.of(first.target()) : null);
        type.check(first, index);
        return type;
    }

    /**
     * Checks that sample {@code index} has these types.
     *
     * @throws IllegalArgumentException naming the sample index and both types
     */
    void check(Sample sample, long index) {
        if (sample == null) {
            throw new IllegalArgumentException("sample " + index + " is null");
        }
        features.check(sample.features(), index, Role.FEATURES);
        if (target == null && sample.isLabeled()) {
            throw new IllegalArgumentException("sample " + index + " has a target but the first sample has none;"
                    + " a dataset is either all labeled or all unlabeled");
        }
        if (target != null && !sample.isLabeled()) {
            throw new IllegalArgumentException("sample " + index + " has no target but the first sample has a "
                    + target.describe() + " target");
        }
        if (target != null) {
            target.check(sample.target(), index, Role.TARGET);
        }
    }
}
