package org.calsim.support.fit;

import java.util.Optional;

/**
 * The power law y = a x^b fitted as the straight line ln y = ln a + b ln x by least squares on the logarithms (e.g. the
 * tortuosity closure T = a ε^b of the review's Fig. 8f), with R² of ln y about its mean.
 *
 * @param a        prefactor a [unit of y per unit of x^b]
 * @param b        exponent b [1]
 * @param rSquared coefficient of determination of ln y [1]; 1 when every ln y is the same
 */
public record LogLogLine(double a, double b, double rSquared) {
    /**
     * @param x positive abscissae, at least two of them different
     * @param y positive ordinates, one per abscissa
     * @return the line, or empty when all x are equal (no slope is defined) or there are fewer than two points
     * @throws IllegalArgumentException for arrays of different lengths or a value that is not finite and positive
     */
    public static Optional<LogLogLine> fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("as many ordinates as abscissae, were " + y.length + " and " + x.length);
        }
        int n = x.length;
        double su = 0;
        double sv = 0;
        double suu = 0;
        double suv = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                throw new IllegalArgumentException("a power law fits finite positive values, point " + i + " was ("
                        + x[i] + ", " + y[i] + ")");
            }
            double u = Math.log(x[i]);
            double v = Math.log(y[i]);
            su += u;
            sv += v;
            suu += u * u;
            suv += u * v;
        }
        double denominator = n * suu - su * su;
        if (n < 2 || !(denominator > 1e-12 * n * suu)) {
            return Optional.empty();
        }
        double b = (n * suv - su * sv) / denominator;
        double lnA = (sv - b * su) / n;
        double mean = sv / n;
        double total = 0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.log(y[i]);
            double f = lnA + b * Math.log(x[i]);
            total += (v - mean) * (v - mean);
            residual += (v - f) * (v - f);
        }
        return Optional.of(new LogLogLine(Math.exp(lnA), b, total == 0 ? 1 : 1 - residual / total));
    }

    /** @return a x^b */
    public double at(double x) {
        return a * Math.pow(x, b);
    }
}
