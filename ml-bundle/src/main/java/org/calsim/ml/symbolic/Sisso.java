package org.calsim.ml.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * SISSO for one output (Ouyang et al., Phys. Rev. Materials 2 (2018) 083802, §II.B): for D = 1, 2, … up to the
 * dimension, {@link Screening} adds the k features of Φ_R most correlated with the residual of the (D − 1)-term
 * model (with D = 1, with the output) to the pool of selected features, and an exhaustive ℓ0 search over all
 * D-subsets of the pool picks the least-squares model y ≈ c_0 + Σ c_j f_j with the least training residual; its
 * residual feeds the next screening. The search stops early when the residual is at rounding level (root mean
 * square ≤ 10⁻⁹ of the output's standard deviation: further screenings would fit round-off) or the pool is smaller
 * than D, and returns the last model: the dimension is fixed by the option, not chosen by cross-validation.
 *
 * <p>The subset search works on the standardised features: with R the correlation matrix of the pool and c their
 * covariances with the centred output, a subset S explains c_Sᵀ R_SS⁻¹ c_S = ‖L⁻¹c_S‖² (R_SS = LLᵀ) of its
 * variance, a D × D Cholesky factorisation per subset; subsets whose features are collinear (a Cholesky pivot
 * ≤ 10⁻¹⁰) are skipped. The coefficients of the chosen subset are then solved by Householder QR on the data.
 */
final class Sisso {
    static final double EXACT = 1e-9;
    static final double COLLINEAR = 1e-10;

    private Sisso() {
    }

    /**
     * @param space     Φ_R on the training inputs
     * @param y         the output on the training rows
     * @param screen    k, features added to the pool per dimension
     * @param dimension the most terms D
     */
    static Formula fit(FeatureSpace space, double[] y, int screen, int dimension) {
        int n = y.length;
        double mean = FeatureSpace.mean(y);
        double sd = FeatureSpace.deviation(y, mean);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - mean;
        }
        Formula formula = new Formula(mean, new double[0], new Expression[0], sd);
        Screening screening = new Screening(screen, n);
        List<FeatureSpace.Column> pool = new ArrayList<>();
        for (int d = 1; d <= dimension; d++) {
            if (formula.trainingRmse() <= EXACT * sd) {
                break;
            }
            pool.addAll(screening.screen(space, residual, pool));
            int[] subset = pool.size() < d ? null : bestSubset(pool, y, mean, d);
            if (subset == null) {
                break;
            }
            formula = leastSquares(pool, subset, y, residual);
        }
        return formula;
    }

    /** @return the d-subset of the pool explaining most of the output's variance (null if all are collinear) */
    private static int[] bestSubset(List<FeatureSpace.Column> pool, double[] y, double mean, int d) {
        int p = pool.size();
        int n = y.length;
        double[][] correlation = new double[p][p];
        double[] covariance = new double[p];
        for (int j = 0; j < p; j++) {
            double[] zj = pool.get(j).z;
            for (int k = 0; k <= j; k++) {
                double[] zk = pool.get(k).z;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += zj[i] * zk[i];
                }
                correlation[j][k] = s / n;
                correlation[k][j] = s / n;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += zj[i] * (y[i] - mean);
            }
            covariance[j] = s / n;
        }
        int[] subset = new int[d];
        for (int j = 0; j < d; j++) {
            subset[j] = j;
        }
        int[] best = new int[d];
        double bestExplained = Double.NEGATIVE_INFINITY;
        double[][] lower = new double[d][d];
        double[] w = new double[d];
        do {
            double explained = explained(correlation, covariance, subset, lower, w);
            if (explained > bestExplained) {
                bestExplained = explained;
                System.arraycopy(subset, 0, best, 0, d);
            }
        } while (next(subset, p));
        return bestExplained > Double.NEGATIVE_INFINITY ? best : null;
    }

    /**
     * @return c_Sᵀ R_SS⁻¹ c_S by Cholesky R_SS = LLᵀ and L w = c_S, or NaN when a pivot is ≤ {@link #COLLINEAR}
     */
    private static double explained(double[][] r, double[] c, int[] s, double[][] lower, double[] w) {
        int d = s.length;
        double explained = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                double v = r[s[j]][s[k]];
                for (int m = 0; m < k; m++) {
                    v -= lower[j][m] * lower[k][m];
                }
                if (k < j) {
                    lower[j][k] = v / lower[k][k];
                } else if (v <= COLLINEAR) {
                    return Double.NaN;
                } else {
                    lower[j][j] = Math.sqrt(v);
                }
            }
            double v = c[s[j]];
            for (int m = 0; m < j; m++) {
                v -= lower[j][m] * w[m];
            }
            w[j] = v / lower[j][j];
            explained += w[j] * w[j];
        }
        return explained;
    }

    /** Steps to the next subset of {0 … p−1} in lexicographic order; @return false after the last */
    private static boolean next(int[] s, int p) {
        int d = s.length;
        int j = d - 1;
        while (j >= 0 && s[j] == p - d + j) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        s[j]++;
        for (int k = j + 1; k < d; k++) {
            s[k] = s[k - 1] + 1;
        }
        return true;
    }

    /**
     * Least squares of y on 1 and the standardised features of the subset (Householder QR), in data units.
     *
     * @param residual overwritten with y − ŷ on the training rows
     */
    private static Formula leastSquares(List<FeatureSpace.Column> pool, int[] subset, double[] y,
                                        double[] residual) {
        int n = y.length;
        int d = subset.length;
        DMatrixRMaj a = new DMatrixRMaj(n, d + 1);
        for (int i = 0; i < n; i++) {
            a.set(i, 0, 1);
            for (int j = 0; j < d; j++) {
                a.set(i, j + 1, pool.get(subset[j]).z[i]);
            }
        }
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(n, d + 1);
        if (!qr.setA(a)) {
            throw new IllegalStateException("sisso least squares failed on a subset that passed the Cholesky test");
        }
        DMatrixRMaj beta = new DMatrixRMaj(d + 1, 1);
        qr.solve(new DMatrixRMaj(n, 1, true, y), beta);
        double intercept = beta.get(0);
        double[] coefficients = new double[d];
        Expression[] features = new Expression[d];
        for (int j = 0; j < d; j++) {
            FeatureSpace.Column c = pool.get(subset[j]);
            coefficients[j] = beta.get(j + 1) / c.sd;
            intercept -= coefficients[j] * c.mean;
            features[j] = c.expression;
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - intercept;
            for (int j = 0; j < d; j++) {
                e -= coefficients[j] * pool.get(subset[j]).values[i];
            }
            residual[i] = e;
            squares += e * e;
        }
        return new Formula(intercept, coefficients, features, Math.sqrt(squares / n));
    }
}
