package dev.mnemo.kernels.vector.parallel;

/** The body of a parallel region: run once by each of {@code workers} threads. */
@FunctionalInterface
public interface WorkerTask {
    /**
     * @param worker  this thread's index, 0 to {@code workers - 1}
     * @param workers number of threads running the region
     * @param barrier shared by the region's threads
     */
    void run(int worker, int workers, Barrier barrier);
}
