/**
 * JMH benchmarks of the kernel backends, side by side in one run: GEMM, LSTM, and the vector
 * math behind the gate nonlinearities. Build {@code benchmarks/target/benchmarks.jar} with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests} and run it with {@code java -jar}.
 */
package dev.mnemo.benchmarks;
