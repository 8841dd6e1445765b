package org.calsim.dem.contact;

import org.calsim.api.contact.ContactGeometry;

/**
 * Keeps a stored tangential vector (a spring's displacement, a rolling torque) in the current tangent plane:
 * its component along the contact normal is removed and the rest rescaled to the previous length, so a pair
 * that rolls or turns keeps what its spring holds (as the GRANULAR package of LAMMPS does). The ratio of the lengths
 * comes from the removed component itself, (along n)² / (length after)², not from the difference of the two squared
 * lengths, which cancels.
 */
public final class TangentPlane {
    /** e below which {@link #lengthRatio} sums its series [1] */
    private static final double SERIES_BELOW = 1e-5;

    private TangentPlane() {
    }

    /** Rotates {@code h[o … o+2]} onto the plane normal to (g.nx, g.ny, g.nz), keeping its length. */
    public static void rotate(ContactGeometry g, double[] h, int o) {
        rotate(h, o, g.nx, g.ny, g.nz);
    }

    /**
     * @return √(1 + e), the ratio of a vector's length before and after its component along n was removed, with e =
     *         (component along n)² / (length after)²: for e &lt; {@value #SERIES_BELOW} the series 1 + e/2 − e²/8, whose
     *         error (below e³/16 &lt; 10⁻¹⁶) is under the rounding of a double, without a square root; a contact turns
     *         by far less than that per step, so the square root is almost never taken
     */
    static double lengthRatio(double e) {
        return e < SERIES_BELOW ? 1 + e * (0.5 - 0.125 * e) : Math.sqrt(1 + e);
    }

    /** Rotates {@code h[o … o+2]} onto the plane normal to the unit vector (nx, ny, nz), keeping its length. */
    public static void rotate(double[] h, int o, double nx, double ny, double nz) {
        double x = h[o];
        double y = h[o + 1];
        double z = h[o + 2];
        double before = x * x + y * y + z * z;
        if (before == 0) {
            return;
        }
        double along = x * nx + y * ny + z * nz;
        x -= along * nx;
        y -= along * ny;
        z -= along * nz;
        double after = x * x + y * y + z * z;
        if (after > 0) {
            double scale = lengthRatio(along * along / after);
            x *= scale;
            y *= scale;
            z *= scale;
        }
        h[o] = x;
        h[o + 1] = y;
        h[o + 2] = z;
    }
}
