package org.gtt.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/** Median and percentiles of repeated timings, in milliseconds. */
record BenchStats(double median, double p90, double p99, int runs) {

    static BenchStats of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new BenchStats(percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99), sorted.length);
    }

    /** Runs the task {@code warmup} times untimed (JIT), then times it {@code runs} times. */
    static BenchStats time(Runnable task, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return of(millis);
    }

    static BenchStats time(Supplier<?> task, int warmup, int runs) {
        return time((Runnable) task::get, warmup, runs);
    }

    /**
     * As {@link #time(Runnable, int, int)}, timing the calling thread's CPU time as well: {wall, CPU}. On a machine
     * shared with other work the CPU time is the steadier figure (it leaves out the time the thread waited).
     */
    static BenchStats[] timeWithCpu(Runnable task, int warmup, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            task.run();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        }
        return new BenchStats[] {of(wall), of(cpu)};
    }

    private static double percentile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String format() {
        return String.format(java.util.Locale.ROOT, "median %.3f ms, p90 %.3f ms (%d runs)", median, p90, runs);
    }
}
