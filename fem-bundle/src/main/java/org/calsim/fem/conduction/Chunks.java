package org.calsim.fem.conduction;

/**
 * A fixed partition of the unknowns of an {@link Occupancy} into chunks of whole rows. The partition depends only
 * on the occupancy, never on the number of threads: every per-chunk sum, and every chunk-local sweep, is the same
 * whichever worker runs it, so the solvers give identical iterates on any number of threads.
 */
final class Chunks {
    /** Largest number of chunks. */
    static final int MAX = 64;
    /** Smallest number of unknowns per chunk, so that small systems are not cut into slivers. */
    static final int MIN_SIZE = 2048;

    final int count;
    private final int[] rowFrom;
    private final int[] from;

    Chunks(Occupancy cells) {
        int m = cells.count;
        this.count = Math.max(1, Math.min(MAX, m / MIN_SIZE));
        this.rowFrom = new int[count + 1];
        this.from = new int[count + 1];
        int row = 0;
        for (int c = 1; c < count; c++) {
            long target = (long) m * c / count;
            while (row < cells.rows && cells.rowStart(row) < target) {
                row++;
            }
            rowFrom[c] = row;
            from[c] = cells.rowStart(row);
        }
        rowFrom[count] = cells.rows;
        from[count] = m;
    }

    /** @return first unknown of chunk {@code c} (0 ≤ c ≤ count; {@code from(count)} is the number of unknowns) */
    int from(int c) {
        return from[c];
    }

    /** @return first row of chunk {@code c} (0 ≤ c ≤ count; {@code rowFrom(count)} is the number of rows) */
    int rowFrom(int c) {
        return rowFrom[c];
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
