package dev.mnemo.data;

import java.util.List;

/** A checked list of samples: not empty, every sample of the first sample's kinds and shapes. */
final class InMemoryDataset implements Dataset {
    private final List<Sample> samples;

    InMemoryDataset(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("empty dataset: a dataset needs at least one sample");
        }
        SampleType type = SampleType.of(samples.get(0), 0);
        for (int i = 1; i < samples.size(); i++) {
            type.check(samples.get(i), i);
        }
        this.samples = List.copyOf(samples);
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public Sample get(int index) {
        return samples.get(index);
    }

    @Override
    public String toString() {
        Sample first = samples.get(0);
        return "Dataset[" + samples.size() + " samples of " + first.features()
                + (first.isLabeled() ? " -> " + first.target() : "") + "]";
    }
}
