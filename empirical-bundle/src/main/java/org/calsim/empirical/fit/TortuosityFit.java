package org.calsim.empirical.fit;

import java.util.List;
import org.calsim.empirical.transport.BruggemanTortuosity;
import org.calsim.empirical.transport.PowerLawTortuosity;
import org.calsim.empirical.transport.TortuosityClosure;
import org.calsim.support.fit.LogLogLine;

/**
 * Fits of tortuosity-factor closures to measured (porosity, tortuosity factor) pairs: the generalised
 * power law T = a ε^b (as cited in the review after R. Ge et al., Powder Technol. 403 (2022) 117366)
 * or Bruggeman's T = ε^(1−α) (Bruggeman, Ann. Phys. 416 (1935) 636–664). Residuals are taken in T.
 * Fitted parameter names: {@code a}, {@code b} (power law) or {@code alpha} (Bruggeman), all [1].
 *
 * @param closure the fitted closure
 * @param fit     parameters with standard errors, R²
 */
public record TortuosityFit(TortuosityClosure closure, FitResult fit) {

    /** Name of the fitted power-law prefactor a. */
    public static final String A = "a";
    /** Name of the fitted power-law exponent b. */
    public static final String B = "b";
    /** Name of the fitted Bruggeman exponent α. */
    public static final String ALPHA = "alpha";

    /**
     * @param data (porosity [1], tortuosity factor [1]) pairs, at least 3
     * @return the fitted power law T = a ε^b
     */
    public static TortuosityFit powerLaw(Measurements data) {
        // start from the straight line on log-log axes (Bruggeman's exponent when the porosities are all equal)
        double[] start = LogLogLine.fit(data.x(), data.y()).map(l -> new double[] {l.a(), l.b()})
                .orElse(new double[] {1.0, -0.5});
        FitResult result = CurveFit.fit(data, new PowerLawModel(), start);
        return new TortuosityFit(new PowerLawTortuosity(result.value(A), result.value(B)), result);
    }

    /**
     * @param data (porosity [1], tortuosity factor [1]) pairs, at least 2
     * @return the fitted Bruggeman closure T = ε^(1−α)
     */
    public static TortuosityFit bruggeman(Measurements data) {
        FitResult result = CurveFit.fit(data, new BruggemanModel(),
                new double[] {BruggemanTortuosity.SPHERE_EXPONENT});
        return new TortuosityFit(new BruggemanTortuosity(result.value(ALPHA)), result);
    }

    /**
     * @param data    (porosity, tortuosity factor) pairs
     * @param closure any closure
     * @return R² of the closure's predictions on the data [1]
     */
    public static double rSquared(Measurements data, TortuosityClosure closure) {
        double[] x = data.x();
        double[] predicted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            predicted[i] = closure.tortuosityFactor(x[i]);
        }
        return CurveFit.rSquared(data.y(), predicted);
    }

    /** T = a ε^b; parameters (a, b). */
    private static final class PowerLawModel implements CurveModel {
        @Override
        public List<String> parameterNames() {
            return List.of(A, B);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("1", "1");
        }

        @Override
        public double value(double eps, double[] p) {
            return p[0] * Math.pow(eps, p[1]);
        }

        @Override
        public double[] gradient(double eps, double[] p) {
            double power = Math.pow(eps, p[1]);
            return new double[] {power, p[0] * power * Math.log(eps)};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {Math.max(p[0], 1e-9), p[1]};
        }
    }

    /** T = ε^(1−α); parameter α. */
    private static final class BruggemanModel implements CurveModel {
        @Override
        public List<String> parameterNames() {
            return List.of(ALPHA);
        }

        @Override
        public List<String> parameterUnits() {
            return List.of("1");
        }

        @Override
        public double value(double eps, double[] p) {
            return Math.pow(eps, 1 - p[0]);
        }

        @Override
        public double[] gradient(double eps, double[] p) {
            return new double[] {-Math.pow(eps, 1 - p[0]) * Math.log(eps)};
        }

        @Override
        public double[] constrain(double[] p) {
            return new double[] {Math.max(p[0], 1e-6)};
        }
    }
}
