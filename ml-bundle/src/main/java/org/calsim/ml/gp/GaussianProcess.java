package org.calsim.ml.gp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Gaussian process regression of one output (Rasmussen and Williams 2006, Algorithm 2.1): inputs and output are
 * standardised (mean 0, standard deviation 1, population), the covariance is σ_f² g(r) + σ_n² δ with a
 * {@link Kernel} g and a length scale per input, and the hyperparameters θ = (ln ℓ_1 … ln ℓ_d, ln σ_f, ln σ_n)
 * maximise the log marginal likelihood ln p(y|X,θ) = −½ yᵀK⁻¹y − Σ ln L_ii − (n/2) ln 2π, with its analytic
 * gradient ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j) (eq 5.9), by Polak–Ribière conjugate gradients (Commons Math) from the
 * default start and {@code restarts} random ones. Predictions give the mean and the variance of the latent
 * function (eqs 2.25–2.26), in the output's units.
 */
public final class GaussianProcess {
    private final Kernel kernel;
    private final double[][] x; // standardised inputs
    private final double[] y;   // standardised output
    private final double[] inputMean;
    private final double[] inputScale;
    private final double outputMean;
    private final double outputScale;
    private final double[] theta;
    private final DMatrixRMaj alpha;
    private final LinearSolverDense<DMatrixRMaj> cholesky;
    private final double logLikelihood;

    private GaussianProcess(Kernel kernel, double[][] x, double[] y, double[] inputMean, double[] inputScale,
                            double outputMean, double outputScale, double[] theta) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.inputMean = inputMean;
        this.inputScale = inputScale;
        this.outputMean = outputMean;
        this.outputScale = outputScale;
        this.theta = theta.clone();
        int n = y.length;
        DMatrixRMaj k = covariance(kernel, x, theta);
        cholesky = LinearSolverFactory_DDRM.chol(n);
        if (!cholesky.setA(k)) {
            throw new IllegalStateException("covariance matrix not positive definite at theta "
                    + Arrays.toString(theta));
        }
        alpha = new DMatrixRMaj(n, 1);
        cholesky.solve(new DMatrixRMaj(n, 1, true, y), alpha);
        logLikelihood = likelihood(kernel, x, y, theta, null);
    }

    /**
     * Fits the hyperparameters.
     *
     * @param inputs   n rows of d inputs
     * @param output   n values
     * @param restarts random restarts of the optimiser besides the default start (ℓ = 1, σ_f = 1, σ_n = 0.1)
     * @param seed     seed of the restarts
     */
    public static GaussianProcess fit(Kernel kernel, double[][] inputs, double[] output, int restarts, long seed) {
        Standardised s = new Standardised(inputs, output);
        int d = inputs[0].length;
        double[] start = new double[d + 2];
        start[d + 1] = Math.log(0.1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int r = 0; r <= restarts; r++) {
            double[] guess = start.clone();
            if (r > 0) {
                for (int j = 0; j < d; j++) {
                    guess[j] = random.nextDouble(Math.log(0.1), Math.log(10));
                }
                guess[d] = random.nextDouble(Math.log(0.3), Math.log(3));
                guess[d + 1] = random.nextDouble(Math.log(1e-3), Math.log(0.5));
            }
            try {
                PointValuePair p = optimise(kernel, s.x, s.y, guess);
                if (p.getValue() > bestValue) {
                    bestValue = p.getValue();
                    best = p.getPoint();
                }
            } catch (RuntimeException e) {
                // a start that leads to an ill-conditioned covariance: the other starts decide
            }
        }
        if (best == null) {
            throw new IllegalStateException("no start of the hyperparameter optimisation converged");
        }
        return new GaussianProcess(kernel, s.x, s.y, s.inputMean, s.inputScale, s.outputMean, s.outputScale, best);
    }

    /**
     * A process with given hyperparameters (θ on the standardised data: ln ℓ per input, ln σ_f, ln σ_n).
     */
    public static GaussianProcess withHyperparameters(Kernel kernel, double[][] inputs, double[] output,
                                                      double[] theta) {
        Standardised s = new Standardised(inputs, output);
        return new GaussianProcess(kernel, s.x, s.y, s.inputMean, s.inputScale, s.outputMean, s.outputScale, theta);
    }

    private static PointValuePair optimise(Kernel kernel, double[][] x, double[] y, double[] guess) {
        NonLinearConjugateGradientOptimizer optimiser = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-10, 1e-12));
        return optimiser.optimize(new MaxEval(5000), GoalType.MAXIMIZE, new InitialGuess(guess),
                new ObjectiveFunction(t -> bounded(t) ? likelihood(kernel, x, y, t, null) : -1e300),
                new ObjectiveFunctionGradient(t -> {
                    double[] g = new double[t.length];
                    if (bounded(t)) {
                        likelihood(kernel, x, y, t, g);
                    }
                    return g;
                }));
    }

    /** Keeps the search where the covariance stays well conditioned: σ_n² ≥ 1e-5 (as scikit-learn), ℓ, σ_f within e^±11.5. */
    private static boolean bounded(double[] t) {
        for (int j = 0; j < t.length - 1; j++) {
            if (Math.abs(t[j]) > 11.5) {
                return false;
            }
        }
        return t[t.length - 1] > 0.5 * Math.log(1e-5) && t[t.length - 1] < 11.5;
    }

    /** @return ln p(y|X,θ); fills its gradient with respect to θ when {@code gradient} is not null */
    static double likelihood(Kernel kernel, double[][] x, double[] y, double[] theta, double[] gradient) {
        int n = y.length;
        int d = x[0].length;
        DMatrixRMaj k = covariance(kernel, x, theta);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        DMatrixRMaj copy = k.copy();
        if (!chol.setA(copy)) {
            throw new IllegalStateException("covariance not positive definite");
        }
        DMatrixRMaj a = new DMatrixRMaj(n, 1);
        chol.solve(new DMatrixRMaj(n, 1, true, y), a);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * a.data[i];
        }
        // ln det K = 2 Σ ln L_ii: from the decomposition's lower factor
        double logDet = 0;
        DMatrixRMaj lower = ((CholeskyDecomposition_F64<DMatrixRMaj>)
                chol.getDecomposition()).getT(null);
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(lower.get(i, i));
        }
        double value = -0.5 * fit - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
        if (gradient != null) {
            DMatrixRMaj inverse = new DMatrixRMaj(n, n);
            chol.invert(inverse);
            // W = ααᵀ − K⁻¹
            double sf2 = Math.exp(2 * theta[d]);
            double sn2 = Math.exp(2 * theta[d + 1]);
            Arrays.fill(gradient, 0);
            double[] length = new double[d];
            for (int j = 0; j < d; j++) {
                length[j] = Math.exp(theta[j]);
            }
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < n; m++) {
                    double w = a.data[i] * a.data[m] - inverse.get(i, m);
                    double r2 = 0;
                    for (int j = 0; j < d; j++) {
                        double u = (x[i][j] - x[m][j]) / length[j];
                        r2 += u * u;
                    }
                    double g = kernel.value(r2);
                    double dg = kernel.derivative(r2);
                    gradient[d] += 0.5 * w * 2 * sf2 * g;
                    for (int j = 0; j < d; j++) {
                        double u = (x[i][j] - x[m][j]) / length[j];
                        gradient[j] += 0.5 * w * sf2 * dg * (-2 * u * u); // ∂r²/∂ln ℓ_j = −2 u²
                    }
                    if (i == m) {
                        gradient[d + 1] += 0.5 * w * 2 * sn2;
                    }
                }
            }
        }
        return value;
    }

    static DMatrixRMaj covariance(Kernel kernel, double[][] x, double[] theta) {
        int n = x.length;
        int d = x[0].length;
        double sf2 = Math.exp(2 * theta[d]);
        double sn2 = Math.exp(2 * theta[d + 1]);
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int m = 0; m <= i; m++) {
                double v = sf2 * kernel.value(distance2(x[i], x[m], theta));
                k.set(i, m, v);
                k.set(m, i, v);
            }
            k.add(i, i, sn2);
        }
        return k;
    }

    private static double distance2(double[] a, double[] b, double[] theta) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            double u = (a[j] - b[j]) / Math.exp(theta[j]);
            r2 += u * u;
        }
        return r2;
    }

    /** @return hyperparameters θ on the standardised data (ln ℓ per input, ln σ_f, ln σ_n) */
    public double[] hyperparameters() {
        return theta.clone();
    }

    /** @return the log marginal likelihood of the standardised data at the hyperparameters */
    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    /** @return {mean, variance} of the latent function at the input, in the output's units */
    public double[] predict(double[] input) {
        int n = y.length;
        int d = input.length;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = (input[j] - inputMean[j]) / inputScale[j];
        }
        double sf2 = Math.exp(2 * theta[d]);
        DMatrixRMaj ks = new DMatrixRMaj(n, 1);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ks.data[i] = sf2 * kernel.value(distance2(z, x[i], theta));
            mean += ks.data[i] * alpha.data[i];
        }
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        cholesky.solve(ks, v);
        double variance = sf2 - CommonOps_DDRM.dot(ks, v);
        return new double[] {outputMean + outputScale * mean, outputScale * outputScale * Math.max(variance, 0)};
    }

    /** Inputs and output standardised to mean 0 and (population) standard deviation 1. */
    private static final class Standardised {
        final double[][] x;
        final double[] y;
        final double[] inputMean;
        final double[] inputScale;
        final double outputMean;
        final double outputScale;

        Standardised(double[][] inputs, double[] output) {
            int n = output.length;
            int d = inputs[0].length;
            inputMean = new double[d];
            inputScale = new double[d];
            x = new double[n][d];
            for (int j = 0; j < d; j++) {
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = inputs[i][j];
                }
                double[] ms = meanAndScale(column);
                inputMean[j] = ms[0];
                inputScale[j] = ms[1];
                for (int i = 0; i < n; i++) {
                    x[i][j] = (inputs[i][j] - ms[0]) / ms[1];
                }
            }
            double[] ms = meanAndScale(output);
            outputMean = ms[0];
            outputScale = ms[1];
            y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = (output[i] - ms[0]) / ms[1];
            }
        }

        private static double[] meanAndScale(double[] v) {
            double mean = 0;
            for (double a : v) {
                mean += a;
            }
            mean /= v.length;
            double var = 0;
            for (double a : v) {
                var += (a - mean) * (a - mean);
            }
            double sd = Math.sqrt(var / v.length);
            return new double[] {mean, sd > 0 ? sd : 1};
        }
    }
}
