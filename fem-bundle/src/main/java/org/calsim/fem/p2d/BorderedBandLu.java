package org.calsim.fem.p2d;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * LU factorisation of a banded matrix with one dense border, the shape of the condensed Newton system of
 * {@link DfnEquations}: numbered cell by cell, every unknown reaches only its own and the two neighbouring cells
 * (a band a few unknowns wide), except the last one, the applied current I, whose column and row reach the cells at
 * the collectors. The band A is factored by Gaussian elimination with partial pivoting inside the band (as LAPACK's
 * dgbtrf: the upper band widens by the lower one); the border by block elimination, [A b; cᵀ d]: y = A⁻¹b,
 * s = d − cᵀy, then I = (r_I − cᵀA⁻¹r)/s and x = A⁻¹r − y I. The band is found from the pattern, which is the
 * same at every Newton step, so there is no symbolic phase to repeat (EJML's sparse LU redoes its depth-first
 * searches at every factorisation and cannot lock its structure under pivoting).
 */
final class BorderedBandLu {
    private final int n;
    private final int m; // size of the band part: n − 1
    private int kl;
    private int ku;
    private int width;
    private double[] band = new double[0];
    private int[] pivots;
    private final double[] b;
    private final double[] c;
    private final double[] y;
    private final double[] z;
    private double schur;

    BorderedBandLu(int n) {
        this.n = n;
        this.m = n - 1;
        pivots = new int[m];
        b = new double[m];
        c = new double[m];
        y = new double[m];
        z = new double[m];
    }

    /** Factors the matrix; false when it is singular (a zero pivot, or a vanishing Schur complement). */
    boolean factor(DMatrixSparseCSC a) {
        bandOf(a);
        double d = scatter(a);
        if (!eliminate()) {
            return false;
        }
        System.arraycopy(b, 0, y, 0, m);
        solveBand(y);
        schur = d;
        for (int i = 0; i < m; i++) {
            schur -= c[i] * y[i];
        }
        return schur != 0 && Double.isFinite(schur);
    }

    /** Finds the lower and upper bandwidths of the band part from the pattern and clears a band store that wide. */
    private void bandOf(DMatrixSparseCSC a) {
        int lower = 0;
        int upper = 0;
        for (int j = 0; j < m; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                if (i < m) {
                    lower = Math.max(lower, i - j);
                    upper = Math.max(upper, j - i);
                }
            }
        }
        kl = lower;
        ku = upper;
        width = 2 * kl + ku + 1;
        if (band.length < m * width) {
            band = new double[m * width];
        } else {
            Arrays.fill(band, 0, m * width, 0);
        }
    }

    /** @return the corner d; the band part goes into the band store, the border's column and row into b and c */
    private double scatter(DMatrixSparseCSC a) {
        Arrays.fill(b, 0);
        Arrays.fill(c, 0);
        double d = 0;
        for (int j = 0; j < n; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                double v = a.nz_values[p];
                if (j == m) {
                    if (i == m) {
                        d += v;
                    } else {
                        b[i] += v;
                    }
                } else if (i == m) {
                    c[j] += v;
                } else {
                    band[i * width + j - i + kl] += v;
                }
            }
        }
        return d;
    }

    /**
     * Gaussian elimination of the band with partial pivoting inside it, in place (the multipliers below the
     * diagonal, U above, widened by kl).
     *
     * @return false at a zero or non-finite pivot
     */
    private boolean eliminate() {
        for (int k = 0; k < m; k++) {
            int last = Math.min(k + kl, m - 1);
            int p = k;
            double best = Math.abs(band[k * width + kl]);
            for (int i = k + 1; i <= last; i++) {
                double v = Math.abs(band[i * width + k - i + kl]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (best == 0 || !Double.isFinite(best)) {
                return false;
            }
            pivots[k] = p;
            int right = Math.min(k + kl + ku, m - 1);
            if (p != k) {
                for (int j = k; j <= right; j++) {
                    int ik = k * width + j - k + kl;
                    int ip = p * width + j - p + kl;
                    double t = band[ik];
                    band[ik] = band[ip];
                    band[ip] = t;
                }
            }
            double inverse = 1 / band[k * width + kl];
            for (int i = k + 1; i <= last; i++) {
                int row = i * width - i + kl;
                double l = band[row + k] * inverse;
                band[row + k] = l;
                if (l != 0) {
                    int top = k * width - k + kl;
                    for (int j = k + 1; j <= right; j++) {
                        band[row + j] -= l * band[top + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves the factored system for r (length n) into x (length n). */
    void solve(double[] r, double[] x) {
        System.arraycopy(r, 0, z, 0, m);
        solveBand(z);
        double dot = 0;
        for (int i = 0; i < m; i++) {
            dot += c[i] * z[i];
        }
        double current = (r[m] - dot) / schur;
        for (int i = 0; i < m; i++) {
            x[i] = z[i] - y[i] * current;
        }
        x[m] = current;
    }

    /** Overwrites v with A⁻¹ v. */
    private void solveBand(double[] v) {
        for (int k = 0; k < m; k++) {
            int p = pivots[k];
            if (p != k) {
                double t = v[k];
                v[k] = v[p];
                v[p] = t;
            }
            double vk = v[k];
            if (vk != 0) {
                int last = Math.min(k + kl, m - 1);
                for (int i = k + 1; i <= last; i++) {
                    v[i] -= band[i * width + k - i + kl] * vk;
                }
            }
        }
        for (int k = m - 1; k >= 0; k--) {
            int top = k * width - k + kl;
            int right = Math.min(k + kl + ku, m - 1);
            double s = v[k];
            for (int j = k + 1; j <= right; j++) {
                s -= band[top + j] * v[j];
            }
            v[k] = s / band[top + k];
        }
    }
}
