package org.calsim.fem.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChordsTest {

    /**
     * One line along x of 8 voxels: phase at 0, 1, 5, 6, 7. Open ends: chords 2 and 3 (mean 2.5); periodic: the
     * run 5–7 continues at 0–1, one chord of 5.
     */
    @Test
    void runsAcrossThePeriodicBoundaryAreOneChord() {
        int[] n = {8, 1, 1};
        byte[] phase = {1, 1, 0, 0, 0, 1, 1, 1};
        assertEquals(2.5, Chords.mean(n, phase, 1, 0, false), 0.0);
        assertEquals(5.0, Chords.mean(n, phase, 1, 0, true), 0.0);
        assertEquals(3.0, Chords.mean(n, phase, 0, 0, true), 0.0);
        assertEquals(1.0, Chords.mean(n, phase, 1, 1, false), 0.0, "across the line every voxel is a chord");
        assertTrue(Double.isNaN(Chords.mean(n, phase, 2, 0, true)), "absent phase");
    }

    /**
     * Slabs 3 voxels thick, normal to z, 5 voxels apart: chord 3 along z; along x and y the lines are all solid,
     * endless chords through the periodic sides (or the side's length where the sides are not periodic).
     */
    @Test
    void slabsHaveTheirThicknessAlongTheNormal() {
        int[] n = {4, 6, 10};
        byte[] phase = new byte[4 * 6 * 10];
        for (int k = 0; k < 10; k++) {
            for (int v = 0; v < 24; v++) {
                phase[v + 24 * k] = (byte) (k % 5 < 3 ? 1 : 0);
            }
        }
        assertEquals(3.0, Chords.mean(n, phase, 1, 2, false), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Chords.mean(n, phase, 1, 0, true), 0.0);
        assertEquals(4.0, Chords.mean(n, phase, 1, 0, false), 0.0);
        assertEquals(6.0, Chords.mean(n, phase, 1, 1, false), 0.0);
        phase[0] = 0;
        assertEquals(3.0, Chords.mean(n, phase, 1, 0, true), 0.0,
                "one broken line, 3 voxels in one chord; the endless lines are left out");
    }
}
