package org.calsim.ml.sensitivity;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based sensitivity indices of a model y = f(x) with independent uniform inputs: first-order S_i (the
 * share of Var y explained by x_i alone) and total-order S_Ti (x_i with all its interactions), by the
 * Saltelli (2010) and Jansen (1999) estimators on two quasi-random sample matrices A and B (a Sobol sequence of
 * twice the dimension, Commons Math) and the d matrices A_B^(i) (A with column i from B); N (d + 2) model
 * evaluations. Confidence intervals by bootstrap over the N rows (Saltelli et al., Comput. Phys. Commun. 181
 * (2010) 259, Table 2: S_i from f(B)(f(A_B^i) − f(A)), S_Ti from ½(f(A) − f(A_B^i))²). In the first-order
 * estimator f(B) is centred on the sample mean, which leaves its expectation unchanged (f(A_B^i) − f(A) has mean 0)
 * and removes the error that grows with the output's mean (Janon et al., ESAIM: PS 18 (2014) 342).
 */
public final class SobolIndices {
    /**
     * @param first      S_i per input
     * @param total      S_Ti per input
     * @param firstLow   lower ends of the bootstrap confidence intervals of S_i
     * @param firstHigh  upper ends
     * @param totalLow   lower ends for S_Ti
     * @param totalHigh  upper ends
     * @param variance   Var y
     * @param evaluations model evaluations used
     */
    public record Result(double[] first, double[] total, double[] firstLow, double[] firstHigh, double[] totalLow,
                         double[] totalHigh, double variance, int evaluations) {
    }

    private SobolIndices() {
    }

    /**
     * @param model      the model, called with a fresh array of inputs (in their own ranges)
     * @param lower      lower bound of each input
     * @param upper      upper bound of each input
     * @param samples    N, rows of A and B
     * @param bootstrap  bootstrap resamples for the intervals (0: none)
     * @param confidence e.g. 0.95
     * @param seed       seed of the bootstrap
     */
    public static Result estimate(ToDoubleFunction<double[]> model, double[] lower, double[] upper, int samples,
                                  int bootstrap, double confidence, long seed) {
        int d = lower.length;
        double[][] unit = design(d, samples);
        double[] f = new double[unit.length];
        for (int r = 0; r < unit.length; r++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = lower[i] + unit[r][i] * (upper[i] - lower[i]);
            }
            f[r] = model.applyAsDouble(x);
        }
        return fromValues(f, d, samples, bootstrap, confidence, seed);
    }

    /**
     * The N (d + 2) points of the estimator in the unit cube: the N rows of A, then the N rows of B, then the N rows
     * of each A_B^(i), i = 1 … d. A and B are the two halves of a Sobol sequence of dimension 2d (Commons Math),
     * without its first point (all zeros).
     *
     * @param d       number of inputs
     * @param samples N
     */
    public static double[][] design(int d, int samples) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        sobol.nextVector(); // the first point is the corner 0
        double[][] points = new double[samples * (d + 2)][];
        for (int j = 0; j < samples; j++) {
            double[] p = sobol.nextVector();
            points[j] = Arrays.copyOfRange(p, 0, d);
            points[samples + j] = Arrays.copyOfRange(p, d, 2 * d);
            for (int i = 0; i < d; i++) {
                double[] ab = points[j].clone();
                ab[i] = p[d + i];
                points[(2 + i) * samples + j] = ab;
            }
        }
        return points;
    }

    /**
     * The indices from model values at the points of {@link #design}, in its order.
     *
     * @param values     f at the N (d + 2) design points
     * @param d          number of inputs
     * @param samples    N
     * @param bootstrap  bootstrap resamples for the intervals (0: none)
     * @param confidence e.g. 0.95
     * @param seed       seed of the bootstrap
     */
    public static Result fromValues(double[] values, int d, int samples, int bootstrap, double confidence,
                                    long seed) {
        if (values.length != samples * (d + 2)) {
            throw new IllegalArgumentException(values.length + " values; the design of " + d + " inputs and "
                    + samples + " samples has " + samples * (d + 2));
        }
        double[] fa = Arrays.copyOfRange(values, 0, samples);
        double[] fb = Arrays.copyOfRange(values, samples, 2 * samples);
        double[][] fab = new double[d][];
        for (int i = 0; i < d; i++) {
            fab[i] = Arrays.copyOfRange(values, (2 + i) * samples, (3 + i) * samples);
        }
        int[] all = new int[samples];
        for (int j = 0; j < samples; j++) {
            all[j] = j;
        }
        double[][] point = indices(fa, fb, fab, all);
        double[][] firstDraws = new double[d][bootstrap];
        double[][] totalDraws = new double[d][bootstrap];
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = new int[samples];
        for (int r = 0; r < bootstrap; r++) {
            for (int j = 0; j < samples; j++) {
                rows[j] = random.nextInt(samples);
            }
            double[][] s = indices(fa, fb, fab, rows);
            for (int i = 0; i < d; i++) {
                firstDraws[i][r] = s[0][i];
                totalDraws[i][r] = s[1][i];
            }
        }
        double[] firstLow = new double[d];
        double[] firstHigh = new double[d];
        double[] totalLow = new double[d];
        double[] totalHigh = new double[d];
        double tail = (1 - confidence) / 2;
        for (int i = 0; i < d; i++) {
            firstLow[i] = quantile(firstDraws[i], tail, point[0][i]);
            firstHigh[i] = quantile(firstDraws[i], 1 - tail, point[0][i]);
            totalLow[i] = quantile(totalDraws[i], tail, point[1][i]);
            totalHigh[i] = quantile(totalDraws[i], 1 - tail, point[1][i]);
        }
        return new Result(point[0], point[1], firstLow, firstHigh, totalLow, totalHigh, point[2][0],
                samples * (d + 2));
    }

    /** @return {S_i}, {S_Ti}, {Var y} over the given rows */
    private static double[][] indices(double[] fa, double[] fb, double[][] fab, int[] rows) {
        int d = fab.length;
        int n = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += fa[j] + fb[j];
        }
        mean /= 2 * n;
        double variance = 0;
        for (int j : rows) {
            variance += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        }
        variance /= 2 * n - 1;
        double[] first = new double[d];
        double[] total = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            double t = 0;
            for (int j : rows) {
                s += (fb[j] - mean) * (fab[i][j] - fa[j]);
                double diff = fa[j] - fab[i][j];
                t += 0.5 * diff * diff;
            }
            first[i] = s / n / variance;
            total[i] = t / n / variance;
        }
        return new double[][] {first, total, {variance}};
    }

    private static double quantile(double[] draws, double p, double fallback) {
        if (draws.length == 0) {
            return fallback;
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        int k = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
        return sorted[k];
    }
}
