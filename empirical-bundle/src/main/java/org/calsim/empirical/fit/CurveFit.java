package org.calsim.empirical.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;
import org.calsim.api.stage.InvalidInputException;

/**
 * Unweighted least-squares fit of a {@link CurveModel} by Levenberg–Marquardt (Apache Commons Math
 * {@link LevenbergMarquardtOptimizer}). Standard errors are √ of the diagonal of σ² (JᵀJ)⁻¹ with
 * σ² = RSS/(n − p), J the Jacobian at the optimum; R² = 1 − RSS/TSS.
 */
public final class CurveFit {

    private static final int MAX_EVALUATIONS = 10_000;

    private CurveFit() {
    }

    /**
     * @param data  measured pairs [SI]
     * @param model the model
     * @param start starting parameter values [SI]
     * @return the fitted parameters with standard errors and R²
     * @throws InvalidInputException if there are fewer than p + 1 points
     * @throws FitFailedException    if the optimiser does not converge or JᵀJ is singular
     */
    public static FitResult fit(Measurements data, CurveModel model, double[] start) {
        int p = model.parameterNames().size();
        int n = data.size();
        if (n < p + 1) {
            throw new InvalidInputException(data.source(), n + " data rows",
                    "at least " + (p + 1) + " data rows to fit the " + p + " parameters " + model.parameterNames()
                            + " and estimate their standard errors");
        }
        double[] x = data.x();
        double[] y = data.y();
        MultivariateJacobianFunction function = point -> evaluate(model, x, point.toArray());
        ParameterValidator validator = point -> new ArrayRealVector(model.constrain(point.toArray()), false);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(model.constrain(start.clone()))
                .model(function)
                .target(y)
                .parameterValidator(validator)
                .lazyEvaluation(false)
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (MathIllegalStateException e) {
            throw new FitFailedException("fit of " + model.parameterNames() + " to " + data.source()
                    + " did not converge: " + e.getMessage() + "; check that the data follow the law", e);
        }
        double[] best = optimum.getPoint().toArray();
        double[][] jacobian = optimum.getJacobian().getData();
        double rss = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i] / n;
        }
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - model.value(x[i], best);
            rss += r * r;
            tss += (y[i] - mean) * (y[i] - mean);
        }
        double[] errors = standardErrors(jacobian, rss / (n - p), model, data);
        List<FitParameter> parameters = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            parameters.add(new FitParameter(model.parameterNames().get(j), best[j], errors[j],
                    model.parameterUnits().get(j)));
        }
        double rSquared = tss > 0 ? 1 - rss / tss : Double.NaN;
        return new FitResult(parameters, rSquared, rss, n, optimum.getIterations());
    }

    /**
     * @param observed  measured values
     * @param predicted model values at the same points
     * @return R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² [1]
     */
    public static double rSquared(double[] observed, double[] predicted) {
        double mean = 0;
        for (double v : observed) {
            mean += v / observed.length;
        }
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < observed.length; i++) {
            rss += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            tss += (observed[i] - mean) * (observed[i] - mean);
        }
        return 1 - rss / tss;
    }

    private static Pair<RealVector, RealMatrix> evaluate(CurveModel model, double[] x, double[] parameters) {
        double[] values = new double[x.length];
        double[][] jacobian = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            values[i] = model.value(x[i], parameters);
            jacobian[i] = model.gradient(x[i], parameters);
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /**
     * √ diag(σ² (JᵀJ)⁻¹). The columns of J are scaled to unit norm before inverting, so parameters of very
     * different magnitude (a damping factor in N/m next to a porosity) do not spoil the inversion.
     */
    private static double[] standardErrors(double[][] jacobian, double variance, CurveModel model,
                                           Measurements data) {
        int n = jacobian.length;
        int p = jacobian[0].length;
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += jacobian[i][j] * jacobian[i][j];
            }
            scale[j] = Math.sqrt(sum);
            if (scale[j] == 0) {
                throw new FitFailedException("fit of " + model.parameterNames() + " to " + data.source()
                        + ": the data do not depend on parameter '" + model.parameterNames().get(j)
                        + "' at the optimum; it cannot be determined (more points in the range where it acts?)");
            }
        }
        double[][] normal = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += jacobian[i][a] / scale[a] * jacobian[i][b] / scale[b];
                }
                normal[a][b] = sum;
            }
        }
        RealMatrix inverse;
        try {
            inverse = new LUDecomposition(new Array2DRowRealMatrix(normal, false), 1e-14).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new FitFailedException("fit of " + model.parameterNames() + " to " + data.source()
                    + ": the parameters are not separately determined by the data (J^T J is singular)", e);
        }
        double[] errors = new double[p];
        for (int j = 0; j < p; j++) {
            errors[j] = Math.sqrt(variance * inverse.getEntry(j, j)) / scale[j];
        }
        return errors;
    }
}
