package org.calsim.empirical.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.calsim.empirical.compaction.MeyerDensityLaw;
import org.calsim.empirical.compaction.PorosityLineLoadLaw;
import org.calsim.empirical.ratecapability.PenetrationDepthModel;
import org.calsim.empirical.transport.PowerLawTortuosity;
import org.junit.jupiter.api.Test;

/**
 * The fits recover known parameters from noisy synthetic data: each estimate lies within 3 reported
 * standard errors of the truth, R² &gt; 0.98, and the reported standard errors match the spread of the
 * estimates over 200 independent noise draws (ratio 0.75–1.33; with 200 draws the sample standard
 * deviation itself scatters by about 5 %, and the linearised errors of a nonlinear model by a few % more).
 */
class FitRecoveryTest {

    private static final int REPETITIONS = 200;

    /**
     * Fits once with seed 42 and checks recovery, then refits {@link #REPETITIONS} times to compare the
     * reported standard errors with the actual spread.
     */
    private static void checkRecovery(DoubleUnaryOperator truth, double[] x, double sigma,
                                      Function<Measurements, FitResult> fitter, List<String> names,
                                      double[] trueValues) {
        FitResult first = fitter.apply(Synthetic.data(truth, x, sigma, new Random(42)));
        assertTrue(first.rSquared() > 0.98, "R^2 = " + first.rSquared());
        // residual standard deviation estimates the noise (n - p >= 17 degrees of freedom: within 40 %)
        assertEquals(sigma, first.residualStandardDeviation(), 0.4 * sigma);
        for (int j = 0; j < names.size(); j++) {
            FitParameter p = first.parameter(names.get(j));
            assertTrue(Math.abs(p.value() - trueValues[j]) < 3 * p.standardError(),
                    p.name() + " = " + p.value() + " +- " + p.standardError() + ", true " + trueValues[j]);
        }
        Random random = new Random(7);
        double[][] estimates = new double[names.size()][REPETITIONS];
        double[][] reported = new double[names.size()][REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            FitResult fit = fitter.apply(Synthetic.data(truth, x, sigma, random));
            for (int j = 0; j < names.size(); j++) {
                estimates[j][r] = fit.value(names.get(j));
                reported[j][r] = fit.standardError(names.get(j));
            }
        }
        for (int j = 0; j < names.size(); j++) {
            double meanReported = 0;
            for (double v : reported[j]) {
                meanReported += v / REPETITIONS;
            }
            double ratio = meanReported / Synthetic.spread(estimates[j]);
            assertTrue(ratio > 0.75 && ratio < 1.33, names.get(j) + ": reported standard error " + meanReported
                    + " vs spread " + Synthetic.spread(estimates[j]) + " (ratio " + ratio + ")");
        }
    }

    @Test
    void porosityLawExponentialForm() {
        // eps0 = 0.45, eps_min = 0.22, gamma = 800 kN/m; 25 loads 0..3000 kN/m; noise 0.003
        PorosityLineLoadLaw law = new PorosityLineLoadLaw(0.45, 0.22, 8e5);
        checkRecovery(law::porosity, Synthetic.linear(0, 3e6, 25), 0.003,
                data -> PorosityLawFit.fit(data, false).fit(), List.of("eps0", "eps_min", "gamma"),
                new double[] {0.45, 0.22, 8e5});
    }

    @Test
    void porosityLawCompactionFactorForm() {
        // eps0 = 0.45, p = 0.5, gamma = 800 kN/m
        PorosityLineLoadLaw law = PorosityLineLoadLaw.withCompactionFactor(0.45, 0.5, 8e5);
        checkRecovery(law::porosity, Synthetic.linear(0, 3e6, 25), 0.003,
                data -> PorosityLawFit.fit(data, true).fit(), List.of("eps0", "p", "gamma"),
                new double[] {0.45, 0.5, 8e5});
    }

    @Test
    void densityLaw() {
        // A = 2000 kN/m (per g/cm^3 rise), B = 2, rho0 = 2200 kg/m^3; 20 loads 0..1500 kN/m; noise 10 kg/m^3
        MeyerDensityLaw law = new MeyerDensityLaw(2e6, 2, 2200);
        checkRecovery(law::density, Synthetic.linear(0, 1.5e6, 20), 10,
                data -> DensityLawFit.fit(data, 2200).fit(), List.of("A", "B"), new double[] {2e6, 2});
    }

    @Test
    void tortuosityPowerLaw() {
        // a = 1.02, b = -0.53 (the review's value for Ge et al. with binder); eps 0.2..0.6; noise 0.02
        PowerLawTortuosity law = new PowerLawTortuosity(1.02, -0.53);
        checkRecovery(law::tortuosityFactor, Synthetic.linear(0.2, 0.6, 20), 0.02,
                data -> TortuosityFit.powerLaw(data).fit(), List.of("a", "b"), new double[] {1.02, -0.53});
    }

    @Test
    void tortuosityBruggeman() {
        // alpha = 1.8: T = eps^-0.8
        DoubleUnaryOperator law = eps -> Math.pow(eps, -0.8);
        checkRecovery(law, Synthetic.linear(0.2, 0.6, 20), 0.02,
                data -> TortuosityFit.bruggeman(data).fit(), List.of("alpha"), new double[] {1.8});
    }

    @Test
    void rateCapability() {
        // Q0 = 3 mAh/cm^2 = 108000 C/m^2, I* = 8 mA/cm^2 = 80 A/m^2; 24 currents 5..800 A/m^2 (log);
        // noise 1000 C/m^2 (about 1 % of Q0)
        DoubleUnaryOperator law = current -> PenetrationDepthModel.capacity(108_000, 80, current);
        checkRecovery(law, Synthetic.logarithmic(5, 800, 24), 1000,
                data -> RateCapabilityFit.fit(data).fit(), List.of("Q0", "I_star"), new double[] {108_000, 80});
    }
}
