package org.calsim.empirical.fit;

import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.compaction.PorosityLineLoadLaw;

/**
 * Fit of Meyer's porosity–line-load law (eq 5 of the review, Meyer et al., J. Mater. Process. Technol.
 * 249 (2017) 172–178) to measured (line load, porosity) pairs. The exponential form fits ε_0, ε_min and
 * γ_C; the compaction-factor form (eqs 7–8) fits ε_0, p and γ_C.
 *
 * <p>Fitted parameter names: {@code eps0} [1], {@code eps_min} [1] or {@code p} [1], {@code gamma} [N/m].
 *
 * @param law the fitted law
 * @param fit parameters with standard errors, R²
 */
public record PorosityLawFit(PorosityLineLoadLaw law, FitResult fit) {

    /** Name of the fitted initial porosity ε_0. */
    public static final String EPS0 = "eps0";
    /** Name of the fitted minimum porosity ε_min (exponential form). */
    public static final String EPS_MIN = "eps_min";
    /** Name of the fitted compaction factor p (compaction-factor form). */
    public static final String P = "p";
    /** Name of the fitted damping factor γ_C [N/m]. */
    public static final String GAMMA = "gamma";

    private static final double SMALL = 1e-6;

    /**
     * @param data                 (line load [N/m], porosity [1]) pairs, at least 4
     * @param compactionFactorForm true to fit p of eqs 7–8 instead of ε_min
     * @return the fitted law and statistics
     */
    public static PorosityLawFit fit(Measurements data, boolean compactionFactorForm) {
        double[] x = data.x();
        double[] y = data.y();
        double yMax = y[0];
        double yMin = y[0];
        for (double v : y) {
            yMax = Math.max(yMax, v);
            yMin = Math.min(yMin, v);
        }
        double eps0 = yMax;
        double epsMin = Math.max(yMin - 0.05 * (yMax - yMin), 1e-3);
        double gamma = startDamping(x, y, eps0, epsMin);
        FitResult result;
        if (compactionFactorForm) {
            result = CurveFit.fit(data, new CompactionFactorModel(), new double[] {eps0, epsMin / eps0, gamma});
        } else {
            result = CurveFit.fit(data, new ExponentialModel(), new double[] {eps0, epsMin, gamma});
        }
        try {
            PorosityLineLoadLaw law;
            if (compactionFactorForm) {
                law = PorosityLineLoadLaw.withCompactionFactor(result.value(EPS0), result.value(P),
                        result.value(GAMMA));
            } else {
                law = new PorosityLineLoadLaw(result.value(EPS0), result.value(EPS_MIN), result.value(GAMMA));
            }
            return new PorosityLawFit(law, result);
        } catch (InvalidInputException e) {
            throw new FitFailedException("the best fit to " + data.source() + " is not a valid porosity law ("
                    + e.getMessage() + "); does the porosity fall with the line load?", e);
        }
    }

    /** γ from a straight line through the origin of ln((ε − ε_min)/(ε_0 − ε_min)) = −q_L/γ. */
    private static double startDamping(double[] x, double[] y, double eps0, double epsMin) {
        double sxx = 0;
        double sxl = 0;
        double xMean = 0;
        for (int i = 0; i < x.length; i++) {
            xMean += x[i] / x.length;
            double ratio = (y[i] - epsMin) / (eps0 - epsMin);
            if (ratio > 0 && ratio < 1 && x[i] > 0) {
                sxx += x[i] * x[i];
                sxl += x[i] * Math.log(ratio);
            }
        }
        if (sxl < 0) {
            return -sxx / sxl;
        }
        return xMean > 0 ? xMean : 1.0;
    }

    private static double clampPorosity(double v) {
        return Math.min(Math.max(v, SMALL), 1 - SMALL);
    }

    /** ε = ε_min + (ε_0 − ε_min) exp(−q/γ); parameters (ε_0, ε_min, γ). */
    private static final class ExponentialModel implements CurveModel {
        @Override
        public List<String> parameterNames() {
            return List.of(EPS0, EPS_MIN, GAMMA);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("1", "1", "N/m");
        }

        @Override
        public double value(double q, double[] p) {
            return p[1] + (p[0] - p[1]) * Math.exp(-q / p[2]);
        }

        @Override
        public double[] gradient(double q, double[] p) {
            double e = Math.exp(-q / p[2]);
            return new double[] {e, 1 - e, (p[0] - p[1]) * e * q / (p[2] * p[2])};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {clampPorosity(p[0]), clampPorosity(p[1]), Math.max(p[2], SMALL)};
        }
    }

    /** ε = ε_0 (p + (1 − p) exp(−q/γ)); parameters (ε_0, p, γ). */
    private static final class CompactionFactorModel implements CurveModel {
        @Override
        public List<String> parameterNames() {
            return List.of(EPS0, P, GAMMA);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("1", "1", "N/m");
        }

        @Override
        public double value(double q, double[] p) {
            return p[0] * (p[1] + (1 - p[1]) * Math.exp(-q / p[2]));
        }

        @Override
        public double[] gradient(double q, double[] p) {
            double e = Math.exp(-q / p[2]);
            return new double[] {p[1] + (1 - p[1]) * e, p[0] * (1 - e), p[0] * (1 - p[1]) * e * q / (p[2] * p[2])};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {clampPorosity(p[0]), Math.min(Math.max(p[1], SMALL), 1), Math.max(p[2], SMALL)};
        }
    }
}
