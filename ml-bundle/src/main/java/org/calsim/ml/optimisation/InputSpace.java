package org.calsim.ml.optimisation;

/**
 * The inputs of a {@link BayesianOptimiser}: bounds in the user's units, each input mapped onto [0, 1] linearly, or
 * linearly in its logarithm for a log-scale input (u = ln(x/lo)/ln(hi/lo), so its lower bound must be positive).
 */
final class InputSpace {
    private final double[] lower;
    private final double[] upper;
    private final boolean[] logScale;

    /**
     * @param lower    lower bound of each input, user's units
     * @param upper    upper bound of each input (greater than the lower)
     * @param logScale per input, whether it is mapped in its logarithm (lower bound then positive)
     * @throws IllegalArgumentException naming the input whose bounds do not fit
     */
    InputSpace(double[] lower, double[] upper, boolean[] logScale) {
        int d = lower.length;
        if (d < 1 || d > 1000 || upper.length != d || logScale.length != d) {
            throw new IllegalArgumentException("need 1 to 1000 inputs with a lower and upper bound and a scale each");
        }
        for (int j = 0; j < d; j++) {
            if (!(Double.isFinite(lower[j]) && Double.isFinite(upper[j]) && lower[j] < upper[j])) {
                throw new IllegalArgumentException("input " + j + ": bounds " + lower[j] + ", " + upper[j]);
            }
            if (logScale[j] && !(lower[j] > 0)) {
                throw new IllegalArgumentException("input " + j + ": log scale needs a positive lower bound");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.logScale = logScale.clone();
    }

    /** @return the number of inputs */
    int dimension() {
        return lower.length;
    }

    /**
     * @param x inputs, user's units
     * @throws IllegalArgumentException if one lies outside its bounds by more than 10⁻¹² of its range
     */
    void checkInside(double[] x) {
        for (int j = 0; j < x.length; j++) {
            double slack = 1e-12 * (upper[j] - lower[j]);
            if (!(x[j] >= lower[j] - slack && x[j] <= upper[j] + slack)) {
                throw new IllegalArgumentException("input " + j + " = " + x[j] + " outside [" + lower[j] + ", "
                        + upper[j] + "]");
            }
        }
    }

    /** @return {@code x} (user's units) in the unit cube, clamped into it */
    double[] toUnit(double[] x) {
        double[] u = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            u[j] = logScale[j]
                    ? Math.log(x[j] / lower[j]) / Math.log(upper[j] / lower[j])
                    : (x[j] - lower[j]) / (upper[j] - lower[j]);
            u[j] = Math.min(1, Math.max(0, u[j]));
        }
        return u;
    }

    /** @return {@code u} (unit cube) in the user's units, clamped into the bounds */
    double[] toUser(double[] u) {
        double[] x = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            x[j] = logScale[j]
                    ? lower[j] * Math.exp(u[j] * Math.log(upper[j] / lower[j]))
                    : lower[j] + u[j] * (upper[j] - lower[j]);
            x[j] = Math.min(upper[j], Math.max(lower[j], x[j]));
        }
        return x;
    }

    /** @return {@code v} clamped into the unit cube */
    static double[] clamp(double[] v) {
        double[] c = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            c[j] = Math.min(1, Math.max(0, v[j]));
        }
        return c;
    }
}
