package org.calsim.dem.analysis;

import org.calsim.dem.engine.Particles;

/**
 * Exact solid volume of spheres between two horizontal planes, from the volume of a spherical segment:
 * the part of a sphere of radius r centred at z_c between heights a and b has volume
 * π [r² (t − z_c) − (t − z_c)³/3] evaluated from t = max(a, z_c − r) to t = min(b, z_c + r).
 * Gives the solid fraction of a slab and the porosity profile through the thickness without voxelisation error.
 */
public final class SolidFraction {
    private SolidFraction() {
    }

    /** @return volume of the sphere (z_c, r) between heights a &lt; b [m³] */
    public static double segment(double zc, double r, double a, double b) {
        double lo = Math.max(a, zc - r) - zc;
        double hi = Math.min(b, zc + r) - zc;
        if (hi <= lo) {
            return 0;
        }
        return Math.PI * (r * r * (hi - lo) - (hi * hi * hi - lo * lo * lo) / 3.0);
    }

    /**
     * @param area footprint of the slab Lx·Ly [m²]
     * @return solid volume fraction of the slab a &lt; z &lt; b [1]
     */
    public static double slab(Particles p, double a, double b, double area) {
        double v = 0;
        for (int i = 0; i < p.size(); i++) {
            v += segment(p.z(i), p.radius(i), a, b);
        }
        return v / (area * (b - a));
    }

    /**
     * Porosity profile: {@code bins} equal slabs from {@code bottom} to {@code top}.
     *
     * @return porosity 1 − solid fraction per slab, bottom first [1]
     */
    public static double[] porosityProfile(Particles p, double bottom, double top, double area, int bins) {
        double[] solid = new double[bins];
        double h = (top - bottom) / bins;
        for (int i = 0; i < p.size(); i++) {
            double zc = p.z(i);
            double r = p.radius(i);
            int first = Math.max(0, (int) Math.floor((zc - r - bottom) / h));
            int last = Math.min(bins - 1, (int) Math.floor((zc + r - bottom) / h));
            for (int k = first; k <= last; k++) {
                solid[k] += segment(zc, r, bottom + k * h, bottom + (k + 1) * h);
            }
        }
        double[] porosity = new double[bins];
        for (int k = 0; k < bins; k++) {
            porosity[k] = 1 - solid[k] / (area * h);
        }
        return porosity;
    }
}
