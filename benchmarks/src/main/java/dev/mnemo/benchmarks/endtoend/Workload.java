package dev.mnemo.benchmarks.endtoend;

/** One timed workload on one backend; the model and data are built once and reused by every block. */
interface Workload extends AutoCloseable {
    /** Runs {@code steps} steps (training steps or predictions) and returns each one's wall time in ms. */
    double[] run(int steps);

    @Override
    void close();
}
