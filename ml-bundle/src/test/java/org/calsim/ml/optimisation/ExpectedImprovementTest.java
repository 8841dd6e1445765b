package org.calsim.ml.optimisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.ml.gp.GaussianProcess;
import org.calsim.ml.gp.Kernel;
import org.junit.jupiter.api.Test;

class ExpectedImprovementTest {
    /** E[max(f* − Y, 0)] for Y ~ N(μ, σ²) by composite Simpson over [μ − 12σ, f*], without the normal cdf. */
    static double integrated(double mean, double sd, double best) {
        double a = mean - 12 * sd;
        if (best <= a) {
            return 0;
        }
        int intervals = 200_000;
        double h = (best - a) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double t = a + i * h;
            double z = (t - mean) / sd;
            double f = (best - t) * Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
            sum += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    /**
     * On a Gaussian process fitted to sin 6x at six points of [0, 1], the closed-form expected improvement over
     * the best (smallest) observation equals the numerically integrated one at probes between the data, to 1e-9
     * relative.
     */
    @Test
    void closedFormMatchesIntegration() {
        double[][] x = {{0}, {0.2}, {0.45}, {0.7}, {0.85}, {1}};
        double[] y = new double[x.length];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][0]);
            best = Math.min(best, y[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(Kernel.MATERN52, x, y, 3, 1);
        int positive = 0;
        for (double probe : new double[] {0.1, 0.33, 0.55, 0.6, 0.78, 0.93}) {
            double[] p = gp.predict(new double[] {probe});
            double sd = Math.sqrt(p[1]);
            double expected = integrated(p[0], sd, best);
            double ei = ExpectedImprovement.of(p[0], sd, best);
            assertEquals(expected, ei, 1e-9 * Math.max(expected, 1e-6), "x = " + probe);
            positive += ei > 1e-6 ? 1 : 0;
        }
        assertTrue(positive >= 3, "probes with a material improvement: " + positive);
    }

    /** z = 0 gives σ φ(0) = σ/√(2π); σ = 0 gives the plain improvement max(f* − μ, 0). */
    @Test
    void specialCases() {
        assertEquals(0.5 / Math.sqrt(2 * Math.PI), ExpectedImprovement.of(2, 0.5, 2), 1e-15);
        assertEquals(1, ExpectedImprovement.of(1, 0, 2), 0);
        assertEquals(0, ExpectedImprovement.of(3, 0, 2), 0);
        assertEquals(integrated(1, 0.3, 0.2), ExpectedImprovement.of(1, 0.3, 0.2), 1e-12);
    }
}
