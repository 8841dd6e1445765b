package org.calsim.ml.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.RegressorKind;

/**
 * k-fold cross-validation (Hastie, Tibshirani and Friedman 2009, §7.10): the rows are shuffled (seeded) and cut into k
 * folds of sizes differing by at most one; each fold is predicted by a model fitted to the other k − 1. The scores
 * pool every held-out prediction: R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² and RMSE = √(Σ(y − ŷ)²/n), per output.
 *
 * @param predicted the held-out prediction of every row (n × m)
 * @param r2        R² per output
 * @param rmse      RMSE per output, in the output's unit
 */
public record CrossValidation(double[][] predicted, double[] r2, double[] rmse) {

    /**
     * @param folds k, from 2 to n
     */
    public static CrossValidation run(RegressorKind kind, double[][] x, double[][] y, int folds, ObjectNode options,
                                      long seed) {
        int n = x.length;
        int m = y[0].length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        double[][] predicted = new double[n][];
        for (int f = 0; f < folds; f++) {
            int from = (int) ((long) f * n / folds);
            int to = (int) ((long) (f + 1) * n / folds);
            double[][] tx = new double[n - (to - from)][];
            double[][] ty = new double[tx.length][];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (i < from || i >= to) {
                    tx[t] = x[order[i]];
                    ty[t++] = y[order[i]];
                }
            }
            Regressor model = kind.fit(tx, ty, options, seed + f);
            for (int i = from; i < to; i++) {
                predicted[order[i]] = model.predict(x[order[i]]);
            }
        }
        double[] r2 = new double[m];
        double[] rmse = new double[m];
        for (int k = 0; k < m; k++) {
            double mean = 0;
            for (double[] row : y) {
                mean += row[k];
            }
            mean /= n;
            double res = 0;
            double tot = 0;
            for (int i = 0; i < n; i++) {
                res += (y[i][k] - predicted[i][k]) * (y[i][k] - predicted[i][k]);
                tot += (y[i][k] - mean) * (y[i][k] - mean);
            }
            r2[k] = 1 - res / tot;
            rmse[k] = Math.sqrt(res / n);
        }
        return new CrossValidation(predicted, r2, rmse);
    }
}
