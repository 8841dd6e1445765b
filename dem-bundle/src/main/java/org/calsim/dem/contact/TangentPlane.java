package org.calsim.dem.contact;

import org.calsim.api.contact.ContactGeometry;

/**
 * Keeps a stored tangential vector (a spring's displacement, a rolling torque) in the current tangent plane:
 * its component along the contact normal is removed and the rest rescaled to the previous length, so a pair
 * that rolls or turns keeps what its spring holds (as the GRANULAR package of LAMMPS does). With e the share of the
 * squared length along n, the ratio of the lengths is (1 − e)^(−1/2); a contact turns by far less than 10⁻³ rad per
 * step, so e is below 10⁻⁶ and the series 1 + e/2 + 3e²/8 gives it to within 5e³/16 &lt; 10⁻¹⁸ (under a double's
 * rounding) without a square root, and with a division that needs only the stored vector. A larger e takes the
 * square root of the ratio of the squared lengths.
 */
public final class TangentPlane {
    /** share e of the squared length along n below which the rescale sums its series [1] */
    private static final double SERIES_BELOW = 1e-6;

    private TangentPlane() {
    }

    /** Rotates {@code h[o … o+2]} onto the plane normal to (g.nx, g.ny, g.nz), keeping its length. */
    public static void rotate(ContactGeometry g, double[] h, int o) {
        rotate(h, o, g.nx, g.ny, g.nz);
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
        double inverse = 1.0 / before; // depends on the stored vector only: formed while the normal is still computed
        double along = x * nx + y * ny + z * nz;
        x -= along * nx;
        y -= along * ny;
        z -= along * nz;
        double e = along * along * inverse;
        double scale;
        if (e < SERIES_BELOW) {
            scale = 1 + e * (0.5 + 0.375 * e);
        } else {
            double after = x * x + y * y + z * z;
            scale = after > 0 ? Math.sqrt(before / after) : 1;
        }
        h[o] = x * scale;
        h[o + 1] = y * scale;
        h[o + 2] = z * scale;
    }
}
