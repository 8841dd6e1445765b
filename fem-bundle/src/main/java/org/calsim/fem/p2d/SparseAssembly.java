package org.calsim.fem.p2d;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Entries (row, column, value) added in any order, repeated positions summed, written into a compressed-column
 * matrix. The order in which the entries of a Jacobian are added is the same at every assembly of the same
 * problem, so the sort that puts them into columns is done once and replayed while the pattern does not change.
 */
final class SparseAssembly {
    private final int n;
    private int count;
    private int[] rows = new int[1024];
    private int[] cols = new int[1024];
    private double[] values = new double[1024];
    /** The pattern of the last sort: keys in the order added, and for each entry its slot in the matrix. */
    private long[] lastKeys = new long[0];
    private int[] slot = new int[0];
    private int[] slotRow = new int[0];
    private int[] columnStart = new int[0];
    private int slots;

    SparseAssembly(int n) {
        this.n = n;
    }

    void clear() {
        count = 0;
    }

    void addItem(int row, int col, double value) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, 2 * count);
            cols = Arrays.copyOf(cols, 2 * count);
            values = Arrays.copyOf(values, 2 * count);
        }
        rows[count] = row;
        cols[count] = col;
        values[count] = value;
        count++;
    }

    /** Writes the sum of the entries into {@code out} (reshaped to n × n). */
    void toCsc(DMatrixSparseCSC out) {
        if (!samePattern()) {
            sortPattern();
        }
        out.reshape(n, n, slots);
        System.arraycopy(columnStart, 0, out.col_idx, 0, n + 1);
        System.arraycopy(slotRow, 0, out.nz_rows, 0, slots);
        Arrays.fill(out.nz_values, 0, slots, 0);
        for (int k = 0; k < count; k++) {
            out.nz_values[slot[k]] += values[k];
        }
        out.nz_length = slots;
        out.indicesSorted = true;
    }

    private boolean samePattern() {
        if (lastKeys.length != count) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            if (lastKeys[k] != (long) cols[k] * n + rows[k]) {
                return false;
            }
        }
        return true;
    }

    private void sortPattern() {
        lastKeys = new long[count];
        long[] sorted = new long[count];
        for (int k = 0; k < count; k++) {
            lastKeys[k] = (long) cols[k] * n + rows[k];
            sorted[k] = lastKeys[k];
        }
        Arrays.sort(sorted);
        int unique = 0;
        for (int k = 0; k < count; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[unique++] = sorted[k];
            }
        }
        slots = unique;
        slotRow = new int[unique];
        columnStart = new int[n + 1];
        for (int s = 0; s < unique; s++) {
            slotRow[s] = (int) (sorted[s] % n);
            columnStart[(int) (sorted[s] / n) + 1]++;
        }
        for (int c = 0; c < n; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        slot = new int[count];
        for (int k = 0; k < count; k++) {
            slot[k] = Arrays.binarySearch(sorted, 0, unique, lastKeys[k]);
        }
    }
}
