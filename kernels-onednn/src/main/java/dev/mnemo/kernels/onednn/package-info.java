/**
 * The kernel SPI on oneDNN (Intel's deep-learning primitives library) through the JavaCPP
 * bindings {@code org.bytedeco:dnnl}: backend name {@code onednn}, priority 30.
 *
 * <h2>Natives</h2>
 * The shared libraries ({@code libdnnl}, its {@code libgomp}, the JNI glue) come from the
 * platform-classifier jars on the class path ({@code dnnl}, {@code javacpp}, {@code opencl} with
 * {@code linux-x86_64}); JavaCPP extracts them to {@code ~/.javacpp/cache} on first use. Nothing
 * is downloaded at run time. {@link dev.mnemo.kernels.onednn.OneDnnProvider#availability()} loads
 * them lazily; if that fails for any reason the backend reports itself unavailable with the
 * reason and selection falls back to the next backend. JDK 22+ wants
 * {@code --enable-native-access=ALL-UNNAMED}.
 *
 * <h2>Threads: OMP_NUM_THREADS and OMP_WAIT_POLICY</h2>
 * oneDNN parallelises with OpenMP. Its worker threads <em>spin</em> between parallel regions by
 * default, and if anything else wants the same cores (another process, or a busy Java thread pool
 * in this JVM) every parallel region waits for descheduled spinners: measured here, 2-thread
 * oneDNN calls slowed by up to 70×. Therefore:
 * <ul>
 *   <li>the thread count is this backend's {@code threads()} (from {@code Backends},
 *       {@code -Dmnemo.threads} / {@code MNEMO_THREADS}), applied with
 *       {@code omp_set_num_threads} before each call; {@code OMP_NUM_THREADS} only sets the
 *       starting value and is read once when the library loads;</li>
 *   <li>all oneDNN calls of the process are serialised by one lock, so two Java threads never run
 *       two OpenMP teams on the same cores; callers must not keep a Java pool of their own busy
 *       while they call this backend (Mnemo's trainer calls kernels from one thread);</li>
 *   <li>{@code OMP_WAIT_POLICY=passive} makes idle OpenMP threads sleep: immune to the collapse,
 *       but about 40 % slower on an idle machine. Leave it unset (spinning) for benchmarks and
 *       dedicated training machines; set it where the cores are shared. The tests set
 *       {@code OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive} in this module's pom.</li>
 * </ul>
 *
 * <h2>Memory</h2>
 * Tensors' {@link java.lang.foreign.MemorySegment}s are handed to oneDNN memory objects by address
 * (zero copy). Primitives are cached by shape; RNN weights are reordered once into oneDNN's
 * preferred layout and kept until their values change ({@code WeightCache}); temporary buffers come
 * from a reused scratch block.
 */
package dev.mnemo.kernels.onednn;
