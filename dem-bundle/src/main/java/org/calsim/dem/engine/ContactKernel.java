package org.calsim.dem.engine;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;

/**
 * The one path every contact takes, particle pair and particle–wall alike, as LAMMPS' {@code fix wall/gran} reuses
 * the {@code GranularModel} of {@code pair granular}: a measured contact fills the worker's {@link ContactGeometry}
 * ({@link #pair} for two spheres, {@link #wall} for a sphere and a {@link Wall}, both through one filling step), the
 * {@link ContactLaw} computes, and {@link #apply} turns its answer into the force on i and the torques on i and j.
 *
 * <p><b>Geometry</b> (as LAMMPS GRANULAR): n from j to i, overlap δ (δ = r_i + r_j − |x_i − x_j| for two spheres),
 * branch lengths a = r − s δ from the centres to the contact point, s = ½ between two spheres (the contact point
 * midway through the overlap) and s = 1 against a rigid wall (the contact point on its surface). Relative velocity
 * of the contact point v_i − a_i ω_i × n − (v_j + a_j ω_j × n), where for a wall v_j + a_j ω_j × n is the velocity of
 * its surface there. A wall is a body of infinite radius and mass: R* = r_i, m* = m_i, 1/m_j = 0. Force on i
 * F_n n + F_t, torque on i −a_i n × F_t + M, on j −a_j n × F_t − M, M the law's rolling or bond torque. Units: m,
 * m/s, rad/s, N, N·m.
 *
 * <p>Each contact is watched on the way: its ω² = k (1/m_i + 1/m_j), k the normal stiffness the law wrote (bond
 * springs included), for the time-step control ({@link Integrator#limitTimeStep}), and an overlap beyond
 * {@link #overlapLimit} of the smaller radius, for the {@link BlowUpMonitor}. Nothing here allocates.
 */
final class ContactKernel {
    /** Share s of the overlap on i's side of the contact point between two spheres. */
    private static final double PAIR_SHARE = 0.5;
    /** Share s of the overlap on the particle's side against a rigid wall. */
    private static final double WALL_SHARE = 1.0;

    /** the contact law of particle pairs and particle–wall contacts */
    ContactLaw law;
    /** its specialised kernel ({@link HertzMindlinKernel#of}), or {@code null}: the general path */
    HertzMindlinKernel hertzMindlin;
    /** overlap, as a fraction of the smaller radius, beyond which a contact is reported as blown up [1] */
    double overlapLimit = 0.5;

    /** Makes {@code next} the law of every contact, with its specialised kernel or {@code null}. */
    void use(ContactLaw next, HertzMindlinKernel specialised) {
        law = next;
        hertzMindlin = specialised;
    }

    /** Sets {@link #overlapLimit}, &gt; 0. */
    void setOverlapLimit(double fraction) {
        if (!(fraction > 0)) {
            throw new IllegalArgumentException("largest overlap fraction must be > 0, was " + fraction);
        }
        overlapLimit = fraction;
    }

    /**
     * Measures the pair i, j into {@code g}.
     *
     * @param dx   branch vector x_i − x_j (minimum image), x [m]
     * @param dy   branch y [m]
     * @param dz   branch z [m]
     * @param dist |x_i − x_j| [m]
     * @param dt   time step [s]
     */
    static void pair(ContactGeometry g, Particles p, int i, int j, double dx, double dy, double dz, double dist,
                     double dt) {
        double inv = 1.0 / dist;
        double nx = dx * inv;
        double ny = dy * inv;
        double nz = dz * inv;
        double ri = p.radius[i];
        double rj = p.radius[j];
        double overlap = ri + rj - dist;
        double ai = ri - PAIR_SHARE * overlap;
        double aj = rj - PAIR_SHARE * overlap;
        double ax = ai * p.wx[i] + aj * p.wx[j];
        double ay = ai * p.wy[i] + aj * p.wy[j];
        double az = ai * p.wz[i] + aj * p.wz[j];
        fill(g, overlap, nx, ny, nz, p.vx[i] - p.vx[j] - (ay * nz - az * ny), p.vy[i] - p.vy[j] - (az * nx - ax * nz),
                p.vz[i] - p.vz[j] - (ax * ny - ay * nx), p.wx[i] - p.wx[j], p.wy[i] - p.wy[j], p.wz[i] - p.wz[j], ri,
                rj, p.invMass[i], p.invMass[j], dt);
    }

    /**
     * Measures particle i against a wall into {@code g}.
     *
     * @param overlap δ [m], &gt; 0
     * @param surface the wall's answer ({@link Wall#contact}): unit normal (0..2) and surface velocity (3..5)
     * @param dt      time step [s]
     */
    static void wall(ContactGeometry g, Particles p, int i, double overlap, double[] surface, double dt) {
        double ri = p.radius[i];
        double nx = surface[0];
        double ny = surface[1];
        double nz = surface[2];
        double arm = ri - WALL_SHARE * overlap;
        fill(g, overlap, nx, ny, nz, p.vx[i] - arm * (p.wy[i] * nz - p.wz[i] * ny) - surface[3],
                p.vy[i] - arm * (p.wz[i] * nx - p.wx[i] * nz) - surface[4],
                p.vz[i] - arm * (p.wx[i] * ny - p.wy[i] * nx) - surface[5], p.wx[i], p.wy[i], p.wz[i], ri,
                Double.POSITIVE_INFINITY, p.invMass[i], 0, dt);
    }

    /**
     * Fills the geometry: overlap, normal, the split of the contact point's relative velocity (vrx, vry, vrz) into
     * the normal approach speed and the tangential part, the relative spin, the two bodies (r_j = ∞ and 1/m_j = 0 for
     * a wall) and the step.
     */
    private static void fill(ContactGeometry g, double overlap, double nx, double ny, double nz, double vrx,
                             double vry, double vrz, double wx, double wy, double wz, double ri, double rj,
                             double invMi, double invMj, double dt) {
        double vn = vrx * nx + vry * ny + vrz * nz;
        g.overlap = overlap;
        g.nx = nx;
        g.ny = ny;
        g.nz = nz;
        g.normalVelocity = -vn;
        g.vtx = vrx - vn * nx;
        g.vty = vry - vn * ny;
        g.vtz = vrz - vn * nz;
        g.wx = wx;
        g.wy = wy;
        g.wz = wz;
        g.radiusI = ri;
        g.radiusJ = rj;
        double invMassSum = invMi + invMj;
        if (rj == Double.POSITIVE_INFINITY) {
            g.effectiveRadius = ri;
            g.effectiveMass = 1.0 / invMassSum;
        } else {
            // R* = r_i r_j / (r_i + r_j) and m* = 1 / (1/m_i + 1/m_j) from one division
            double both = 1.0 / ((ri + rj) * invMassSum);
            g.effectiveRadius = ri * rj * invMassSum * both;
            g.effectiveMass = (ri + rj) * both;
        }
        g.dt = dt;
    }

    /**
     * The contact of particle i with wall w that {@link Wall#contact} measured: leaves the force and the torque on i
     * in the worker, through the law's specialised kernel when it has one.
     *
     * @param overlap    δ [m], &gt; 0
     * @param surface    the wall's answer: unit normal (0..2) and surface velocity (3..5)
     * @param properties the contact properties of i's type with the wall
     * @param history    history storage; the contact's slots start at {@code offset}
     * @param first      whether this is the contact's first step
     * @param partner    −1 − w
     * @param dt         time step [s]
     */
    void wallContact(Worker me, Particles p, int i, double overlap, double[] surface, PairProperties properties,
                     double[] history, int offset, boolean first, int partner, double dt) {
        HertzMindlinKernel specialised = hertzMindlin;
        if (specialised == null || !specialised.wall(me, i, overlap, surface, properties, history, offset, partner,
                dt)) {
            wall(me.geometry, p, i, overlap, surface, dt);
            apply(me, properties, history, offset, first, i, partner, p.invMass[i], 0);
        }
    }

    /**
     * Applies the law to the contact measured into the worker's geometry: leaves the force on i and the torques on i
     * (and on j, for a particle partner) in the worker, and notes the contact there when it is the stiffest so far or
     * the first to overlap beyond the limit.
     *
     * @param properties the pair's contact properties
     * @param history    history storage; the contact's slots start at {@code offset}
     * @param first      whether this is the contact's first step (its history is zero)
     * @param i          the particle
     * @param partner    j ≥ 0, or −1 − w for wall w
     * @param invMi      1/m_i [1/kg]
     * @param invMj      1/m_j [1/kg], 0 for a wall
     */
    void apply(Worker me, PairProperties properties, double[] history, int offset, boolean first, int i, int partner,
               double invMi, double invMj) {
        ContactGeometry g = me.geometry;
        ContactForce f = me.force;
        g.firstStep = first;
        f.clear();
        law.compute(g, properties, history, offset, f);
        double ri = g.radiusI;
        double rj = g.radiusJ;
        me.note(f.normalStiffness, invMi + invMj, g.overlap, overlapLimit * Math.min(ri, rj), i, partner);
        double share = partner >= 0 ? PAIR_SHARE : WALL_SHARE;
        double fn = f.normalWithBond();
        double nx = g.nx;
        double ny = g.ny;
        double nz = g.nz;
        double qx = ny * f.ftz - nz * f.fty;
        double qy = nz * f.ftx - nx * f.ftz;
        double qz = nx * f.fty - ny * f.ftx;
        double ai = ri - share * g.overlap;
        me.fx = fn * nx + f.ftx;
        me.fy = fn * ny + f.fty;
        me.fz = fn * nz + f.ftz;
        me.tix = -ai * qx + f.trx;
        me.tiy = -ai * qy + f.try_;
        me.tiz = -ai * qz + f.trz;
        if (partner >= 0) {
            double aj = rj - share * g.overlap;
            me.tjx = -aj * qx - f.trx;
            me.tjy = -aj * qy - f.try_;
            me.tjz = -aj * qz - f.trz;
        }
    }
}
