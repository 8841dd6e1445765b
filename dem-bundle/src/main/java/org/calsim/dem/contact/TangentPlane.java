package org.calsim.dem.contact;

import org.calsim.api.contact.ContactGeometry;

/**
 * Keeps a stored tangential vector (a spring's displacement, a rolling torque) in the current tangent plane:
 * its component along the contact normal is removed and the rest rescaled to the previous length, so a pair
 * that rolls or turns keeps what its spring holds (as the GRANULAR package of LAMMPS does).
 */
final class TangentPlane {
    private TangentPlane() {
    }

    /** Rotates {@code h[o … o+2]} onto the plane normal to (g.nx, g.ny, g.nz), keeping its length. */
    static void rotate(ContactGeometry g, double[] h, int o) {
        double x = h[o];
        double y = h[o + 1];
        double z = h[o + 2];
        double before = x * x + y * y + z * z;
        if (before == 0) {
            return;
        }
        double along = x * g.nx + y * g.ny + z * g.nz;
        x -= along * g.nx;
        y -= along * g.ny;
        z -= along * g.nz;
        double after = x * x + y * y + z * z;
        if (after > 0) {
            double scale = Math.sqrt(before / after);
            x *= scale;
            y *= scale;
            z *= scale;
        }
        h[o] = x;
        h[o + 1] = y;
        h[o + 2] = z;
    }
}
