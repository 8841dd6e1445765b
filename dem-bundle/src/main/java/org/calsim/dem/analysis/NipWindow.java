package org.calsim.dem.analysis;

import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;

/**
 * A measuring window under a calender roll: the slab |x − x_a| &le; a of the periodic strip (x_a the roll axis,
 * minimum image in x), over the whole width Ly, from the collector z = 0 up to the roll surface
 * z_s(u) = b + u²/(R + √(R² − u²)) (u = x − x_a, b the roll's lowest point, R its radius; a flat lid for
 * R = ∞). What it measures is what the particles there do, not what the gap implies:
 *
 * <ul>
 * <li>the window volume V = Ly ∫ z_s(u) du over |u| &le; a;</li>
 * <li>the solid volume of each sphere inside it, ∫ A(x) dx over the sphere's x-range within the slab, where
 *     A(x) is the part of the sphere's cross-section (a disc of radius ρ = √(r² − (x − x_c)²) around z_c; the
 *     whole width in y, the strip being periodic) between z = 0 and z = z_s: with the circular segment
 *     S(ρ, t) = ρ² arccos(−t/ρ) + t √(ρ² − t²) below the height t above the centre, A = S(ρ, z_s − z_c) −
 *     S(ρ, −z_c); the x integral by {@value #PANELS} × {@value #ORDER}-point Gauss–Legendre (A is smooth inside
 *     the sphere, and the sphere ends are roots of ρ²);</li>
 * <li>the Love–Weber stress (eq 16 of the review) of the contacts whose contact point lies in the window,
 *     σ_ab = (1/V) Σ_c l_a f_b: particle pairs with the branch l = x_i − x_j and the force f on i, contact point
 *     x_i − (r_i − δ/2) n; wall contacts with the arm from the contact point to the centre, (r − δ) n, and the
 *     force on the particle; compressive positive. Summing over contact points in a sub-volume is the usual
 *     estimate of the mean stress in it (Bagi, Mech. Mater. 22 (1996) 165).</li>
 * </ul>
 * All lengths in m, volumes in m³, stresses in Pa.
 */
public final class NipWindow {
    /** Gauss–Legendre panels over a sphere's x-range. */
    static final int PANELS = 4;
    /** Gauss–Legendre points per panel. */
    static final int ORDER = 8;
    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    private final PeriodicBox box;
    private final double axisX;
    private final double halfWidth;
    private final double bottom;
    private final double radius;

    /**
     * @param box       the periodic strip
     * @param axisX     x of the window centre, the roll axis (any image) [m]
     * @param halfWidth half-width a of the window in x, 0 &lt; a &le; Lx/2 and a &le; R [m]
     * @param bottom    the roll's lowest point above the collector, b &gt; 0 [m]
     * @param radius    roll radius R [m]; {@link Double#POSITIVE_INFINITY} for a flat lid at z = b
     */
    public NipWindow(PeriodicBox box, double axisX, double halfWidth, double bottom, double radius) {
        if (!(halfWidth > 0) || halfWidth > 0.5 * box.lx() || halfWidth > radius) {
            throw new IllegalArgumentException("window half-width must be in (0, min(Lx/2, R)], was " + halfWidth
                    + " m (Lx = " + box.lx() + " m, R = " + radius + " m)");
        }
        if (!(bottom > 0) || !(radius > 0)) {
            throw new IllegalArgumentException("window lid needs a bottom > 0 and a radius > 0, were " + bottom
                    + " m, " + radius + " m");
        }
        this.box = box;
        this.axisX = axisX - Math.floor(axisX / box.lx()) * box.lx();
        this.halfWidth = halfWidth;
        this.bottom = bottom;
        this.radius = radius;
    }

    /** @return height of the lid at u = x − x_a above the collector [m] */
    public double lid(double u) {
        if (Double.isInfinite(radius)) {
            return bottom;
        }
        return bottom + u * u / (radius + Math.sqrt(Math.max(0, radius * radius - u * u)));
    }

    /** @return window volume Ly ∫ z_s(u) du over |u| &le; a [m³] */
    public double volume() {
        double sum = 0;
        double panel = 2 * halfWidth / PANELS;
        for (int k = 0; k < PANELS; k++) {
            double mid = -halfWidth + (k + 0.5) * panel;
            for (int q = 0; q < ORDER; q++) {
                sum += WEIGHTS[q] * lid(mid + 0.5 * panel * NODES[q]);
            }
        }
        return box.ly() * 0.5 * panel * sum;
    }

    /** @return offset u of x from the window centre, minimum image [m] */
    private double offset(double x) {
        double u = x - axisX;
        double lx = box.lx();
        return u > 0.5 * lx ? u - lx : u < -0.5 * lx ? u + lx : u;
    }

    /**
     * @return volume of the sphere (x_c, z_c, r) inside the window [m³] (y is periodic: the whole sphere's
     *         width counts)
     */
    public double sphereVolume(double xc, double zc, double r) {
        double uc = offset(xc);
        double lo = Math.max(-halfWidth, uc - r);
        double hi = Math.min(halfWidth, uc + r);
        // the lid is highest at the end of [lo, hi] farthest from the axis
        if (hi <= lo || zc + r <= 0 || zc - r >= lid(Math.max(-lo, hi))) {
            return 0;
        }
        double panel = (hi - lo) / PANELS;
        double sum = 0;
        for (int k = 0; k < PANELS; k++) {
            double mid = lo + (k + 0.5) * panel;
            for (int q = 0; q < ORDER; q++) {
                double u = mid + 0.5 * panel * NODES[q];
                double rho2 = r * r - (u - uc) * (u - uc);
                if (rho2 > 0) {
                    double rho = Math.sqrt(rho2);
                    sum += WEIGHTS[q] * (segment(rho, lid(u) - zc) - segment(rho, -zc));
                }
            }
        }
        return 0.5 * panel * sum;
    }

    /** @return area of a disc of radius ρ below the height t above its centre, S(ρ, t) [m²] */
    static double segment(double rho, double t) {
        if (t <= -rho) {
            return 0;
        }
        if (t >= rho) {
            return Math.PI * rho * rho;
        }
        return rho * rho * Math.acos(-t / rho) + t * Math.sqrt(rho * rho - t * t);
    }

    /**
     * Solid volume in the window: each sphere's volume inside it times the solid fraction of its type (1 for
     * active material, 1 − nanoporosity for apparent CBD spheres), plus {@code amExtra} times the active
     * material inside (CBD that is not resolved as spheres but belongs to the active material, e.g. as bonds).
     *
     * @param solidFraction solid fraction per particle type [1]
     * @param amExtra       solid volume carried with each volume of type 0 (active material) [1]
     * @return solid volume [m³]
     */
    public double solidVolume(Particles p, double[] solidFraction, double amExtra) {
        double solid = 0;
        for (int i = 0; i < p.size(); i++) {
            double v = sphereVolume(p.x(i), p.z(i), p.radius(i));
            if (v > 0) {
                int t = p.type(i);
                solid += v * (solidFraction[t] + (t == 0 ? amExtra : 0));
            }
        }
        return solid;
    }

    /** @return whether the point (x, z) lies in the window */
    public boolean contains(double x, double z) {
        double u = offset(x);
        return Math.abs(u) <= halfWidth && z >= 0 && z <= lid(u);
    }

    /**
     * Love–Weber stress of the contacts in the window (class comment), compressive positive.
     *
     * @param engine the system after a force evaluation
     * @return σ row major, 9 components [Pa]
     */
    public double[] stress(DemEngine engine) {
        Particles p = engine.particles();
        double[] sigma = new double[9];
        engine.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> {
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double arm = (p.radius(i) - 0.5 * (p.radius(i) + p.radius(j) - d)) / d;
            if (contains(p.x(i) - arm * dx, p.z(i) - arm * dz)) {
                ContactStatistics.add(sigma, dx, dy, dz, fx, fy, fz);
            }
        });
        ContactStatistics.addWallContacts(engine, sigma, (i, arm) -> contains(p.x(i) - arm[0], p.z(i) - arm[2]));
        double v = volume();
        for (int k = 0; k < 9; k++) {
            sigma[k] /= v;
        }
        return sigma;
    }
}
