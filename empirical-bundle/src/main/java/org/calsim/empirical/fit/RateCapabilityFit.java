package org.calsim.empirical.fit;

import java.util.Arrays;
import java.util.List;
import org.calsim.empirical.ratecapability.PenetrationDepthModel;

/**
 * Fit of the penetration-depth rate capability (eqs 13–14 of the review, Tambio et al.,
 * J. Electrochem. Soc. 167 (2020) 160509) to measured (current density, capacity) pairs:
 * Q = Q_0 for I &le; I*, Q = Q_0 I* / I above. Fitted parameter names: {@code Q0} [C/m²],
 * {@code I_star} [A/m²]. The model has a kink at I*; its Jacobian there is one-sided, which
 * Levenberg–Marquardt handles as long as points lie on both sides of I*.
 *
 * @param nominalCapacity        Q_0 [C/m²]
 * @param criticalCurrentDensity I* [A/m²]
 * @param fit                    parameters with standard errors, R²
 */
public record RateCapabilityFit(double nominalCapacity, double criticalCurrentDensity, FitResult fit) {

    /** Name of the fitted nominal capacity Q_0 [C/m²]. */
    public static final String Q0 = "Q0";
    /** Name of the fitted critical current density I* [A/m²]. */
    public static final String I_STAR = "I_star";

    /**
     * @param data (current density [A/m²], capacity [C/m²]) pairs, at least 3, some above I*
     * @return Q_0 and I* with standard errors
     */
    public static RateCapabilityFit fit(Measurements data) {
        double[] current = data.x();
        double[] capacity = data.y();
        double q0 = capacity[0];
        double maxCurrent = current[0];
        for (int i = 0; i < current.length; i++) {
            q0 = Math.max(q0, capacity[i]);
            maxCurrent = Math.max(maxCurrent, current[i]);
        }
        // start: median of I Q / Q_0 over the points clearly past the kink (each is an estimate of I*)
        double[] estimates = new double[current.length];
        int count = 0;
        for (int i = 0; i < current.length; i++) {
            if (capacity[i] < 0.9 * q0) {
                estimates[count] = current[i] * capacity[i] / q0;
                count++;
            }
        }
        double iStar = maxCurrent;
        if (count > 0) {
            double[] found = Arrays.copyOf(estimates, count);
            Arrays.sort(found);
            iStar = found[count / 2];
        }
        FitResult result = CurveFit.fit(data, new Model(), new double[] {q0, iStar});
        return new RateCapabilityFit(result.value(Q0), result.value(I_STAR), result);
    }

    /** Q = Q_0 min(1, I* / I); parameters (Q_0, I*). */
    private static final class Model implements CurveModel {
        @Override
        public List<String> parameterNames() {
            return List.of(Q0, I_STAR);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("C/m^2", "A/m^2");
        }

        @Override
        public double value(double current, double[] p) {
            return PenetrationDepthModel.capacity(p[0], p[1], current);
        }

        @Override
        public double[] gradient(double current, double[] p) {
            if (current <= p[1]) {
                return new double[] {1, 0};
            }
            return new double[] {p[1] / current, p[0] / current};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {p[0], Math.max(p[1], 1e-9)};
        }
    }
}
