package org.calsim.empirical.fit;

import java.util.List;
import org.calsim.empirical.compaction.MeyerDensityLaw;

/**
 * Fit of Meyer's density–line-load law (eq 4 of the review, Meyer et al., J. Mater. Process. Technol.
 * 249 (2017) 172–178) to measured (line load, density) pairs.
 *
 * <p>The initial density ρ_0 is given, not fitted: it is the density of the dried coating, known from
 * the recipe (ρ_s (1 − ε_0)) or measured before calendering, and fitting it together with A and B is
 * poorly conditioned. The line load is the set variable and the density the measured one, so the
 * residuals are taken in density: ρ(q_L) = ρ_0 + ρ_ref (q_L / A)^(1/B), ρ_ref = 1 g/cm³
 * ({@link MeyerDensityLaw}). Fitted parameter names: {@code A} [N/m], {@code B} [1].
 *
 * @param law the fitted law
 * @param fit parameters with standard errors, R²
 */
public record DensityLawFit(MeyerDensityLaw law, FitResult fit) {

    /** Name of the fitted coefficient A [N/m]. */
    public static final String A = "A";
    /** Name of the fitted exponent B [1]. */
    public static final String B = "B";

    /**
     * @param data           (line load [N/m], density [kg/m³]) pairs, at least 3
     * @param initialDensity ρ_0 [kg/m³]
     * @return the fitted law and statistics
     */
    public static DensityLawFit fit(Measurements data, double initialDensity) {
        double[] start = startValues(data.x(), data.y(), initialDensity);
        FitResult result = CurveFit.fit(data, new Model(initialDensity), start);
        return new DensityLawFit(new MeyerDensityLaw(result.value(A), result.value(B), initialDensity), result);
    }

    /** A and B from a straight line ln q = ln A + B ln((ρ − ρ_0)/ρ_ref) through the points above ρ_0. */
    private static double[] startValues(double[] q, double[] rho, double rho0) {
        int count = 0;
        double su = 0;
        double sv = 0;
        double suu = 0;
        double suv = 0;
        double qMean = 0;
        for (int i = 0; i < q.length; i++) {
            qMean += q[i] / q.length;
            if (q[i] > 0 && rho[i] > rho0) {
                double u = Math.log((rho[i] - rho0) / MeyerDensityLaw.REFERENCE_DENSITY);
                double v = Math.log(q[i]);
                count++;
                su += u;
                sv += v;
                suu += u * u;
                suv += u * v;
            }
        }
        double denominator = count * suu - su * su;
        if (count >= 2 && denominator > 0) {
            double slope = (count * suv - su * sv) / denominator;
            double intercept = (sv - slope * su) / count;
            if (slope > 0) {
                return new double[] {Math.exp(intercept), slope};
            }
        }
        return new double[] {qMean > 0 ? qMean : 1.0, 1.0};
    }

    /** ρ = ρ_0 + ρ_ref (q/A)^(1/B); parameters (A, B). */
    private static final class Model implements CurveModel {
        private final double rho0;

        Model(double rho0) {
            this.rho0 = rho0;
        }

        @Override
        public List<String> parameterNames() {
            return List.of(A, B);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("N/m", "1");
        }

        @Override
        public double value(double q, double[] p) {
            if (q <= 0) {
                return rho0;
            }
            return rho0 + MeyerDensityLaw.REFERENCE_DENSITY * Math.pow(q / p[0], 1 / p[1]);
        }

        @Override
        public double[] gradient(double q, double[] p) {
            if (q <= 0) {
                return new double[] {0, 0};
            }
            double rise = MeyerDensityLaw.REFERENCE_DENSITY * Math.pow(q / p[0], 1 / p[1]);
            return new double[] {-rise / (p[1] * p[0]), -rise * Math.log(q / p[0]) / (p[1] * p[1])};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {Math.max(p[0], 1e-6), Math.max(p[1], 0.05)};
        }
    }
}
