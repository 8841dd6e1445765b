package org.calsim.fem.conduction;

/**
 * A fixed partition of {@code m} unknowns into contiguous chunks. The partition depends only on {@code m}, never
 * on the number of threads: every per-chunk sum, and every chunk-local sweep, is the same whichever worker runs
 * it, so the solvers give identical iterates on any number of threads.
 */
final class Chunks {
    /** Largest number of chunks. */
    static final int MAX = 64;
    /** Smallest number of unknowns per chunk, so that small systems are not cut into slivers. */
    static final int MIN_SIZE = 2048;

    final int m;
    final int count;

    Chunks(int m) {
        this.m = m;
        this.count = Math.max(1, Math.min(MAX, m / MIN_SIZE));
    }

    /** @return first unknown of chunk {@code c} (0 ≤ c ≤ count; {@code from(count) = m}) */
    int from(int c) {
        return (int) ((long) m * c / count);
    }

    /** @return the ordered sum of per-chunk partial sums */
    static double sum(double[] partial, int count) {
        double total = 0;
        for (int c = 0; c < count; c++) {
            total += partial[c];
        }
        return total;
    }
}
