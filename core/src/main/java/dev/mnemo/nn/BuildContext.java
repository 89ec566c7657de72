package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import java.util.Random;

/**
 * What a layer needs to create its parameters: the model's long-lived scope (parameters and
 * their gradients live until the model closes) and the seeded random source for initialisers.
 */
public record BuildContext(Scope scope, Random random) {
    /** A new parameter named {@code prefix.name}, zero-filled, with its gradient. */
    public Parameter parameter(String prefix, String name, int... shape) {
        return new Parameter(prefix + "." + name, scope.zeros(shape), scope.zeros(shape));
    }

    /** A new buffer named {@code prefix.name}, zero-filled. */
    public Buffer buffer(String prefix, String name, int... shape) {
        return new Buffer(prefix + "." + name, scope.zeros(shape));
    }
}
