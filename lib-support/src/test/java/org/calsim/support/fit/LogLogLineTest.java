package org.calsim.support.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The log–log line on exact power laws, on scattered data, and where no line is defined. */
class LogLogLineTest {
    /** Ge et al.'s T = 1.02 ε^−0.53 (the review's Fig. 8f) sampled exactly is recovered to rounding, R² = 1. */
    @Test
    void anExactPowerLawIsRecovered() {
        double[] eps = {0.25, 0.3, 0.4, 0.5};
        double[] tau = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            tau[k] = 1.02 * Math.pow(eps[k], -0.53);
        }
        LogLogLine line = LogLogLine.fit(eps, tau).orElseThrow();
        assertEquals(1.02, line.a(), 1e-12);
        assertEquals(-0.53, line.b(), 1e-12);
        assertEquals(1.0, line.rSquared(), 1e-12);
        assertEquals(1.02 * Math.pow(0.35, -0.53), line.at(0.35), 1e-12);
    }

    /**
     * Three points off a line: the least-squares slope and intercept of (ln x, ln y) by hand. ln x = 0, 1, 2 and
     * ln y = 0, 2, 1: slope 0.5, intercept 0.5, residuals −0.5, 1, −0.5 → R² = 1 − 1.5/2 = 0.25.
     */
    @Test
    void scatteredPointsGiveTheLeastSquaresLine() {
        double e = Math.E;
        LogLogLine line = LogLogLine.fit(new double[] {1, e, e * e}, new double[] {1, e * e, e}).orElseThrow();
        assertEquals(0.5, line.b(), 1e-12);
        assertEquals(Math.exp(0.5), line.a(), 1e-12);
        assertEquals(0.25, line.rSquared(), 1e-12);
    }

    /** All abscissae equal or a single point: no slope, no line; non-positive values are refused. */
    @Test
    void noLineWithoutTwoDifferentAbscissae() {
        assertTrue(LogLogLine.fit(new double[] {0.4, 0.4, 0.4}, new double[] {2, 2.1, 1.9}).isEmpty());
        assertTrue(LogLogLine.fit(new double[] {0.4}, new double[] {2}).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LogLogLine.fit(new double[] {0.4, 0}, new double[] {2, 3}));
        assertThrows(IllegalArgumentException.class, () -> LogLogLine.fit(new double[] {0.4}, new double[] {2, 3}));
    }
}
