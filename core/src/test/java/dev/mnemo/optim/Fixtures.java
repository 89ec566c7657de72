package dev.mnemo.optim;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;

/** Loads the files written by {@code core/src/test/fixtures/make_optim_fixtures.py}, and makes parameters. */
final class Fixtures {
    private Fixtures() {}

    static SafeTensors.Contents load(String name, Scope scope) throws Exception {
        var url = Fixtures.class.getResource("/fixtures/" + name + ".safetensors");
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " missing: run /usr/bin/python3 "
                    + "core/src/test/fixtures/make_optim_fixtures.py");
        }
        return SafeTensors.read(Path.of(url.toURI()), scope);
    }

    /** A parameter whose value is a copy of {@code value} and whose gradient is zero. */
    static Parameter parameter(String name, Tensor value, Scope scope) {
        return new Parameter(name, scope.copyOf(value), scope.zeros(value.shape()));
    }

    /** A parameter with the given values and gradient, both shaped {@code [n]}. */
    static Parameter parameter(String name, float[] value, float[] grad, Scope scope) {
        return new Parameter(name, scope.of(value, value.length), scope.of(grad, grad.length));
    }
}
