package org.calsim.dem.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The stored tangential vector ends in the new tangent plane with its length, for the small turns of a step (the series
 * branch) and for large ones (the square root), within a few roundings of a double.
 */
class TangentPlaneTest {

    @Test
    void aTurnedVectorKeepsItsLengthAndLiesInTheNewTangentPlane() {
        double[] angles = {0, 1e-9, 1e-6, 3e-4, 9.9e-4, 1.1e-3, 0.01, 0.3, 1.2};
        for (double a : angles) {
            // a spring along x in the plane normal to z; the normal turns by a about y
            double length = 2.5e-5;
            double[] h = {length, 0.3 * length, 0};
            double before = Math.sqrt(h[0] * h[0] + h[1] * h[1]);
            double nx = Math.sin(a);
            double nz = Math.cos(a);
            TangentPlane.rotate(h, 0, nx, 0, nz);
            double after = Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]);
            assertEquals(before, after, 4e-16 * before, "length after a turn of " + a + " rad");
            assertEquals(0, h[0] * nx + h[2] * nz, 4e-16 * before, "component along the normal after " + a + " rad");
        }
    }
}
