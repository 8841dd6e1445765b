package org.calsim.ml.doe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatinHypercubeTest {
    /** Every input's n strata hold exactly one point each; the same seed gives the same design. */
    @Test
    void eachStratumHoldsOnePoint() {
        int n = 7;
        double[][] design = LatinHypercube.maximin(n, 3, 10, 42);
        for (int j = 0; j < 3; j++) {
            boolean[] seen = new boolean[n];
            for (double[] row : design) {
                assertTrue(row[j] >= 0 && row[j] < 1);
                int stratum = (int) (row[j] * n);
                assertTrue(!seen[stratum], "input " + j + " stratum " + stratum + " twice");
                seen[stratum] = true;
            }
        }
        double[][] again = LatinHypercube.maximin(n, 3, 10, 42);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(design[i], again[i]);
        }
    }

    /** The maximin choice among 50 designs separates its closest pair at least as well as the first design. */
    @Test
    void maximinImprovesTheSmallestDistance() {
        double single = smallest(LatinHypercube.maximin(10, 2, 1, 9));
        double chosen = smallest(LatinHypercube.maximin(10, 2, 50, 9));
        assertTrue(chosen >= single, chosen + " < " + single);
    }

    static double smallest(double[][] x) {
        double s = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < i; k++) {
                s = Math.min(s, LatinHypercube.distance2(x[i], x[k]));
            }
        }
        return Math.sqrt(s);
    }
}
