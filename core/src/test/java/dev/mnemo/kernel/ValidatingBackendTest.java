package dev.mnemo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validating decorator hands each op to the same op of the backend it wraps, and names operands as the SPI does. */
class ValidatingBackendTest {

    /** A backend that records which SPI method it was called through, then runs the reference backend. */
    private static KernelBackend recording(List<String> calls) {
        KernelBackend reference = new ReferenceBackend();
        return (KernelBackend) Proxy.newProxyInstance(KernelBackend.class.getClassLoader(), new Class<?>[] {KernelBackend.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(reference, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void conv1dReachesTheWrappedBackendsOwnConv1d() {
        List<String> calls = new ArrayList<>();
        KernelBackend validating = new ValidatingBackend(recording(calls));
        ConvSpec spec = ConvSpec.of1d(1, 0, 1);
        try (Scope scope = Scope.open()) {
            Tensor x = scope.zeros(2, 3, 8);
            Tensor w = scope.zeros(4, 3, 3);
            Tensor y = scope.zeros(2, 4, 6);
            validating.conv1dForward(y, x, w, null, spec);
            validating.conv1dBackwardData(scope.zeros(2, 3, 8), y, w, spec);
            validating.conv1dBackwardWeights(scope.zeros(4, 3, 3), scope.zeros(4), y, x, spec);
        }
        assertEquals(List.of("conv1dForward", "conv1dBackwardData", "conv1dBackwardWeights"), calls);
    }

    @Test
    void convolutionGradientsAreNamedDxAndDw() {
        KernelBackend validating = new ValidatingBackend(new ReferenceBackend());
        ConvSpec spec = ConvSpec.of(1, 0, 1);
        try (Scope scope = Scope.open()) {
            Tensor wrongChannels = scope.zeros(2, 5, 8, 8);
            Tensor w = scope.zeros(4, 3, 3, 3);
            Tensor dy = scope.zeros(2, 4, 6, 6);
            IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                    () -> validating.conv2dBackwardData(wrongChannels, dy, w, spec));
            assertTrue(data.getMessage().contains("but dx is"), data.getMessage());

            IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                    () -> validating.conv2dBackwardWeights(scope.zeros(4, 5, 3, 3), null, dy, scope.zeros(2, 3, 8, 8), spec));
            assertTrue(weights.getMessage().contains("dw is"), weights.getMessage());
        }
    }
}
