package org.calsim.empirical.fit;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of a least-squares fit: parameters with standard errors and the quality of fit.
 *
 * @param parameters           the fitted parameters, in model order
 * @param rSquared             coefficient of determination R² = 1 − RSS/TSS [1]
 * @param residualSumOfSquares RSS [unit of y squared]
 * @param points               number of data points n
 * @param iterations           Levenberg–Marquardt iterations used
 */
public record FitResult(List<FitParameter> parameters, double rSquared, double residualSumOfSquares, int points,
                        int iterations) {

    public FitResult {
        parameters = List.copyOf(parameters);
    }

    /** @return the parameter called {@code name} */
    public FitParameter parameter(String name) {
        for (FitParameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new NoSuchElementException("fit has no parameter '" + name + "'");
    }

    /** @return the value of parameter {@code name} [SI] */
    public double value(String name) {
        return parameter(name).value();
    }

    /** @return the standard error of parameter {@code name} [SI] */
    public double standardError(String name) {
        return parameter(name).standardError();
    }

    /** @return residual standard deviation σ = √(RSS/(n − p)) [unit of y] */
    public double residualStandardDeviation() {
        return Math.sqrt(residualSumOfSquares / (points - parameters.size()));
    }
}
