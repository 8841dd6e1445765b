package org.calsim.fem.p2d;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Solves the Newton system J δ = r of {@link DfnEquations} by static condensation of the particles: the shell
 * unknowns of an electrode cell appear only in that cell's shell rows (a tridiagonal block T) and in its kinetics
 * row, and the shell rows see besides the shells only the cell's reaction current i_n. So the shells are eliminated
 * cell by cell (the Thomas algorithm on T), which leaves only c_e, φ_e, φ_s, i_n per cell and I: four unknowns per
 * electrode cell instead of 4 + shells, in a banded matrix with the current as its border ({@link BorderedBandLu}). The
 * eliminated shells are recovered after the reduced solve. The reduced matrix keeps one pattern for a given grid
 * and mode, so its assembly replays a cached sort ({@link SparseAssembly}).
 */
final class CondensedLu {
    private final CellGrid grid;
    private final int n;
    /** Full index → reduced index, −1 for a shell unknown. */
    private final int[] map;
    private final int reducedSize;
    private final int m;
    /** Per electrode cell (indexed by cell): Thomas factors of T (multipliers, inverse pivots, upper diagonal). */
    private final double[][] lower;
    private final double[][] pivot;
    private final double[][] upper;
    /** T⁻¹ (∂r_shells/∂i_n) and ∂r_kinetics/∂shells. */
    private final double[][] y;
    private final double[][] kinetics;
    /** T⁻¹ r_shells of the current solve. */
    private final double[][] z;
    private final SparseAssembly assembly;
    private final DMatrixSparseCSC reduced;
    private final BorderedBandLu lu;
    private final double[] rhs;
    private final double[] solution;

    CondensedLu(CellGrid grid) {
        this.grid = grid;
        this.n = grid.size;
        this.m = grid.shells;
        map = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            map[i] = isShell(i) ? -1 : k++;
        }
        reducedSize = k;
        lower = new double[grid.cells][];
        pivot = new double[grid.cells][];
        upper = new double[grid.cells][];
        y = new double[grid.cells][];
        kinetics = new double[grid.cells][];
        z = new double[grid.cells][];
        for (int c = 0; c < grid.cells; c++) {
            if (grid.isElectrode(c)) {
                lower[c] = new double[m];
                pivot[c] = new double[m];
                upper[c] = new double[m];
                y[c] = new double[m];
                kinetics[c] = new double[m];
                z[c] = new double[m];
            }
        }
        assembly = new SparseAssembly(reducedSize);
        reduced = new DMatrixSparseCSC(reducedSize, reducedSize, 0);
        lu = new BorderedBandLu(reducedSize);
        rhs = new double[reducedSize];
        solution = new double[reducedSize];
    }

    private boolean isShell(int i) {
        if (i >= grid.current) {
            return false;
        }
        int c = cellOf(i);
        return grid.isElectrode(c) && i - grid.offset[c] >= CellGrid.SHELL;
    }

    private int cellOf(int i) {
        int lo = 0;
        int hi = grid.cells - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (grid.offset[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Factors J; false when a pivot vanishes. */
    boolean factor(DMatrixSparseCSC j) {
        // the particle blocks
        for (int c = 0; c < grid.cells; c++) {
            if (!grid.isElectrode(c)) {
                continue;
            }
            int s0 = grid.offset[c] + CellGrid.SHELL;
            int f = grid.offset[c] + CellGrid.FLUX;
            double[] lo = lower[c];
            double[] pv = pivot[c];
            double[] up = upper[c];
            double[] b = y[c];
            Arrays.fill(lo, 0);
            Arrays.fill(pv, 0);
            Arrays.fill(up, 0);
            Arrays.fill(b, 0);
            Arrays.fill(kinetics[c], 0);
            for (int k = 0; k < m; k++) { // column of shell k: rows k − 1, k, k + 1 of the block and the kinetics row
                for (int p = j.col_idx[s0 + k]; p < j.col_idx[s0 + k + 1]; p++) {
                    int row = j.nz_rows[p];
                    double v = j.nz_values[p];
                    int d = row - s0 - k;
                    if (row == f) {
                        kinetics[c][k] += v;
                    } else if (d == 0) {
                        pv[k] += v;
                    } else if (d == 1) {
                        lo[k + 1] += v;
                    } else if (d == -1) {
                        up[k - 1] += v;
                    }
                }
            }
            for (int p = j.col_idx[f]; p < j.col_idx[f + 1]; p++) {
                int row = j.nz_rows[p] - s0;
                if (row >= 0 && row < m) {
                    b[row] += j.nz_values[p];
                }
            }
            // Thomas: lo[k] becomes the multiplier, pv[k] the pivot
            if (pv[0] == 0) {
                return false;
            }
            for (int k = 1; k < m; k++) {
                lo[k] /= pv[k - 1];
                pv[k] -= lo[k] * up[k - 1];
                if (pv[k] == 0 || !Double.isFinite(pv[k])) {
                    return false;
                }
            }
            for (int k = 0; k < m; k++) {
                pv[k] = 1 / pv[k]; // kept as its inverse
            }
            thomas(c, b);
        }
        // the reduced matrix: every entry of J outside the shells, and on each (i_n, i_n) the Schur complement
        assembly.clear();
        for (int col = 0; col < n; col++) {
            int rc = map[col];
            if (rc < 0) {
                continue;
            }
            for (int p = j.col_idx[col]; p < j.col_idx[col + 1]; p++) {
                int rr = map[j.nz_rows[p]];
                if (rr >= 0) {
                    assembly.addItem(rr, rc, j.nz_values[p]);
                }
            }
        }
        for (int c = 0; c < grid.cells; c++) {
            if (grid.isElectrode(c)) {
                int f = map[grid.offset[c] + CellGrid.FLUX];
                assembly.addItem(f, f, -dot(kinetics[c], y[c]));
            }
        }
        assembly.toCsc(reduced);
        return lu.factor(reduced);
    }

    /** Solves J δ = r (after {@link #factor}) into delta. */
    void solve(double[] r, double[] delta) {
        for (int i = 0; i < n; i++) {
            int ri = map[i];
            if (ri >= 0) {
                rhs[ri] = r[i];
            }
        }
        for (int c = 0; c < grid.cells; c++) {
            if (grid.isElectrode(c)) {
                int s0 = grid.offset[c] + CellGrid.SHELL;
                System.arraycopy(r, s0, z[c], 0, m);
                thomas(c, z[c]);
                rhs[map[grid.offset[c] + CellGrid.FLUX]] -= dot(kinetics[c], z[c]);
            }
        }
        lu.solve(rhs, solution);
        for (int i = 0; i < n; i++) {
            int ri = map[i];
            if (ri >= 0) {
                delta[i] = solution[ri];
            }
        }
        for (int c = 0; c < grid.cells; c++) {
            if (grid.isElectrode(c)) {
                int s0 = grid.offset[c] + CellGrid.SHELL;
                double df = delta[grid.offset[c] + CellGrid.FLUX];
                for (int k = 0; k < m; k++) {
                    delta[s0 + k] = z[c][k] - y[c][k] * df;
                }
            }
        }
    }

    /** Overwrites v with T_c⁻¹ v. */
    private void thomas(int c, double[] v) {
        double[] lo = lower[c];
        double[] pv = pivot[c];
        double[] up = upper[c];
        for (int k = 1; k < m; k++) {
            v[k] -= lo[k] * v[k - 1];
        }
        v[m - 1] *= pv[m - 1];
        for (int k = m - 2; k >= 0; k--) {
            v[k] = (v[k] - up[k] * v[k + 1]) * pv[k];
        }
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
