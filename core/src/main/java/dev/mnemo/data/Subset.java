package dev.mnemo.data;

/** The samples of {@code parent} at {@code indices}, in that order: a view, no sample is copied. */
final class Subset implements Dataset {
    private final Dataset parent;
    private final int[] indices;

    Subset(Dataset parent, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a subset needs at least one index");
        }
        int size = parent.size();
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= size) {
                throw new IllegalArgumentException("subset index " + indices[k] + " (position " + k
                        + ") is outside a dataset of " + size + " samples");
            }
        }
        this.parent = parent;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Sample get(int index) {
        return parent.get(indices[index]);
    }

    @Override
    public String toString() {
        return "Subset[" + indices.length + " of " + parent + "]";
    }
}
