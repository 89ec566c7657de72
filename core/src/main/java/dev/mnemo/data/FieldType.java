package dev.mnemo.data;

import java.util.Arrays;

/**
 * What every sample of a dataset must agree on for one role (features or target): the field kind
 * and, for fixed-shape fields, the shape ({@code [F]} for frames: the width). Inferred from the
 * first sample; every other sample is checked against it so that a ragged dataset fails with the
 * sample index and both shapes instead of producing a wrong batch.
 *
 * @param kind the field's record class
 * @param shape the fixed part of the shape: dense shape, frame width {@code [F]}, or {@code []}
 */
record FieldType(Class<? extends Field> kind, int[] shape) {
    FieldType {
        shape = shape.clone();
    }

    /** The type of {@code field}. */
    static FieldType of(Field field) {
        return switch (field) {
            case Field.Dense d -> new FieldType(Field.Dense.class, d.shape());
            case Field.Label l -> new FieldType(Field.Label.class, new int[0]);
            case Field.Ids i -> new FieldType(Field.Ids.class, new int[0]);
            case Field.Frames f -> new FieldType(Field.Frames.class, new int[] {f.width()});
        };
    }

    /**
     * Checks that {@code field}, the {@code role} of sample {@code index}, has this type.
     *
     * @throws IllegalArgumentException naming the sample, the role and both kinds or shapes
     */
    void check(Field field, long index, Role role) {
        FieldType actual = of(field);
        if (!actual.equals(this)) {
            throw new IllegalArgumentException("sample " + index + " " + role.noun + ": " + actual.describe()
                    + " does not match the first sample's " + describe());
        }
        if (role == Role.FEATURES && field instanceof Field.Ids ids) {
            int[] values = ids.ids();
            for (int t = 0; t < values.length; t++) {
                if (values[t] == 0) {
                    throw new IllegalArgumentException("sample " + index + " features: token id 0 at step " + t
                            + " is reserved for padding; start vocabularies at 1");
                }
            }
        }
    }

    /** Whether samples of this type have a time axis (and so lengths). */
    boolean isSequence() {
        return kind == Field.Ids.class || kind == Field.Frames.class;
    }

    /** E.g. {@code "dense [1, 28, 28]"}, {@code "frames of width 13"}, {@code "label"}. */
    String describe() {
        if (kind == Field.Dense.class) {
            return "dense " + Arrays.toString(shape);
        }
        if (kind == Field.Frames.class) {
            return "frames of width " + shape[0];
        }
        return kind == Field.Ids.class ? "ids" : "label";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldType t && t.kind == kind && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(shape);
    }

    /** Which half of a sample a field is, for messages and the padding-id rule. */
    enum Role {
        FEATURES("features"),
        TARGET("target");

        final String noun;

        Role(String noun) {
            this.noun = noun;
        }
    }
}
