package dev.mnemo.kernels.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The OpenMP thread count of oneDNN's parallel regions, set through the {@code libgomp} that
 * ships in the dnnl natives jar ({@code omp_set_num_threads}, called through the FFM API).
 *
 * <p>OpenMP keeps the count per calling thread, so {@link #apply(int)} is called before every
 * oneDNN call; it is a no-op when the calling thread already has that count.
 */
final class OmpThreads {
    private static final MethodHandle SET = find("omp_set_num_threads", FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    private static final MethodHandle GET = find("omp_get_max_threads", FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[] {0});

    private OmpThreads() {}

    /** Makes the calling thread's oneDNN calls use {@code threads} OpenMP threads. */
    static void apply(int threads) {
        int[] current = CURRENT.get();
        if (current[0] != threads && SET != null) {
            try {
                SET.invokeExact(threads);
            } catch (Throwable t) {
                throw new IllegalStateException("omp_set_num_threads(" + threads + ") failed", t);
            }
            current[0] = threads;
        }
    }

    /** OpenMP's thread count for the calling thread, or -1 if libgomp's symbols are not reachable. */
    static int current() {
        if (GET == null) {
            return -1;
        }
        try {
            return (int) GET.invokeExact();
        } catch (Throwable t) {
            return -1;
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle find(String name, FunctionDescriptor descriptor) {
        Optional<MemorySegment> symbol = SymbolLookup.loaderLookup().find(name);
        if (symbol.isEmpty()) {
            try {
                symbol = SymbolLookup.libraryLookup("libgomp.so.1", Arena.global()).find(name);
            } catch (IllegalArgumentException notFound) {
                return null;
            }
        }
        return symbol.map(s -> Linker.nativeLinker().downcallHandle(s, descriptor)).orElse(null);
    }
}
