package org.calsim.ml.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SobolIndicesTest {
    /**
     * The Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ (a = 7, b = 0.1) has the analytic
     * indices S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437) (Ishigami and Homma 1990; Saltelli et al.
     * 2010): each lies inside the estimator's 99 % bootstrap interval, and the intervals are narrow (< 0.1).
     */
    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = pi4 * pi4;
        double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double vt3 = 8 * b * b * pi8 / 225;
        double[] first = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + vt3) / v, v2 / v, vt3 / v};
        double[] lo = {-Math.PI, -Math.PI, -Math.PI};
        double[] hi = {Math.PI, Math.PI, Math.PI};
        SobolIndices.Result r = SobolIndices.estimate(x -> Math.sin(x[0]) + a * Math.pow(Math.sin(x[1]), 2)
                + b * Math.pow(x[2], 4) * Math.sin(x[0]), lo, hi, 8192, 500, 0.99, 11);
        for (int i = 0; i < 3; i++) {
            String label = "x" + (i + 1) + ": S " + r.first()[i] + " [" + r.firstLow()[i] + ", " + r.firstHigh()[i]
                    + "], ST " + r.total()[i] + " [" + r.totalLow()[i] + ", " + r.totalHigh()[i] + "]";
            assertTrue(r.firstLow()[i] <= first[i] && first[i] <= r.firstHigh()[i], label);
            assertTrue(r.totalLow()[i] <= total[i] && total[i] <= r.totalHigh()[i], label);
            assertTrue(r.firstHigh()[i] - r.firstLow()[i] < 0.1 && r.totalHigh()[i] - r.totalLow()[i] < 0.1, label);
        }
        assertEquals(v, r.variance(), 0.02 * v);
        assertEquals(8192 * 5, r.evaluations());
    }
}
