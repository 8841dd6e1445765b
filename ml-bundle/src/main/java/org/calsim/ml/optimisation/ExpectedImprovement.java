package org.calsim.ml.optimisation;

import org.apache.commons.math3.special.Erf;

/**
 * Expected improvement of a Gaussian prediction over the best value so far, for minimisation (Jones, Schonlau and
 * Welch, J. Global Optim. 13 (1998) 455, eq 15): with Y ~ N(μ, σ²) and the best observed value f*,
 * EI = E[max(f* − Y, 0)] = (f* − μ) Φ(z) + σ φ(z), z = (f* − μ)/σ, with the standard normal cdf Φ and pdf φ; for
 * σ = 0 it is max(f* − μ, 0). All in the units of the predicted quantity.
 */
public final class ExpectedImprovement {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private ExpectedImprovement() {
    }

    /**
     * @param mean predictive mean μ
     * @param sd   predictive standard deviation σ ≥ 0
     * @param best best (smallest) value so far f*
     * @return EI ≥ 0, in the units of μ
     */
    public static double of(double mean, double sd, double best) {
        double gain = best - mean;
        if (!(sd > 0)) {
            return Math.max(gain, 0);
        }
        double z = gain / sd;
        double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
        double pdf = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        return Math.max(gain * cdf + sd * pdf, 0);
    }
}
