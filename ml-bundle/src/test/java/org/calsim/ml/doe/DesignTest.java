package org.calsim.ml.doe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DesignTest {

    /** Each input's range is cut into N strata and every stratum holds exactly one point. */
    @Test
    void latinHypercubeHasOnePointPerStratum() {
        int n = 37;
        double[][] p = Design.LATIN_HYPERCUBE.points(3, n, 5);
        for (int j = 0; j < 3; j++) {
            boolean[] seen = new boolean[n];
            for (double[] row : p) {
                int s = (int) Math.floor(row[j] * n);
                assertTrue(!seen[s], "stratum " + s + " of input " + j + " twice");
                seen[s] = true;
            }
        }
        assertArrayEquals(p[4], Design.LATIN_HYPERCUBE.points(3, n, 5)[4], "same seed, same design");
    }

    /** The 2-D Sobol sequence after its corner point: (1/2, 1/2), (3/4, 1/4), (1/4, 3/4) (Joe and Kuo). */
    @Test
    void sobolSkipsTheCorner() {
        double[][] p = Design.SOBOL.points(2, 3, 0);
        assertArrayEquals(new double[] {0.5, 0.5}, p[0]);
        assertArrayEquals(new double[] {0.75, 0.25}, p[1]);
        assertArrayEquals(new double[] {0.25, 0.75}, p[2]);
    }

    @Test
    void saltelliHasNTimesDPlusTwoPoints() {
        assertEquals(8 * 5, Design.SALTELLI.points(3, 8, 0).length);
    }

    @Test
    void logFactorsSpreadGeometrically() {
        Factor f = new Factor("calendering.line_load_kN_per_m", "kN/m", 100, 1600, true);
        assertEquals(100, f.at(0), 1e-12);
        assertEquals(1600, f.at(1), 1e-9);
        assertEquals(400, f.at(0.5), 1e-9);
        assertEquals(0.25, f.position(200), 1e-12);
        Factor linear = new Factor("calendering.roll_temperature_C", "C", 20, 120, false);
        assertEquals(70, linear.at(0.5), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Factor("x", "1", 0, 1, true));
        assertTrue(e.getMessage().contains("scale log"), e.getMessage());
    }
}
