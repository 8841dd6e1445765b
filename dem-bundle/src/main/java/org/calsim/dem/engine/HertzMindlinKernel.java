package org.calsim.dem.engine;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzNormal;
import org.calsim.dem.contact.MindlinTangential;
import org.calsim.dem.contact.TangentPlane;
import org.calsim.dem.contact.ViscoelasticDamping;

/**
 * The contacts, particle pairs and particle–wall, of the composition {@link HertzNormal} + {@link ViscoelasticDamping}
 * + {@link MindlinTangential} and no other part (the {@code hertz-mindlin} preset, or the same parts named in a job's
 * {@code contact:}), computed from the particle arrays in locals. It does the arithmetic of the general path
 * ({@link ContactKernel#pair} → {@link ComposedContactLaw#compute} → {@link ContactKernel#apply}) in the same order,
 * so the trajectories are the same to the last bit (HertzMindlinKernelTest), without filling a geometry and a force
 * object field by field, clearing the force twice and looking the damping coefficient up per contact. It leaves out
 * only the general path's additions of the absent parts' zero forces, which change nothing but the sign of a zero, and
 * no sum, starting from +0, keeps that. LAMMPS keeps {@code pair gran/hertz/history} beside its general
 * {@code pair granular} for the same reason. A contact that does not overlap after rounding (δ ≤ 0) or whose
 * stiffness, normal or tangential, is not positive goes the general path, which treats those cases, and the
 * particle's later entries with it (so the loop holds no call to it; {@link PairForces#generalRest}).
 *
 * <p>Coefficients per type pair, from the {@link PairProperties}: 4/3 E*, 2 E*, 8 G* [Pa], the dashpot factor
 * −2 √(5/6) β ({@link ViscoelasticDamping#dashpotFactor}) and μ.
 */
final class HertzMindlinKernel {
    private static final double PAIR_SHARE = 0.5;
    /** history slots per contact: the tangential spring's displacement (3) */
    private static final int HISTORY = 3;

    private final Particles particles;
    private final PeriodicBox box;
    private final NeighbourList list;
    private final ContactKernel kernel;
    /** the general pass, for a particle's entries from a contact this kernel leaves to it */
    private final PairForces general;
    private final int types;
    /** 4/3 E* per type pair [Pa] */
    private final double[] forceFactor;
    /** 2 E* [Pa] */
    private final double[] stiffnessFactor;
    /** 8 G* [Pa] */
    private final double[] shearFactor;
    /** −2 √(5/6) β [1] */
    private final double[] dashpotFactor;
    /** μ [1] */
    private final double[] friction;
    /** the law's damping part, for the dashpot factor of wall contacts (from its cache) */
    private final ViscoelasticDamping damping;

    private HertzMindlinKernel(Particles particles, PeriodicBox box, NeighbourList list, ContactKernel kernel,
                              PairForces general, PairProperties[] pairs, int types, ViscoelasticDamping damping) {
        this.damping = damping;
        this.particles = particles;
        this.box = box;
        this.list = list;
        this.kernel = kernel;
        this.general = general;
        this.types = types;
        int n = pairs.length;
        forceFactor = new double[n];
        stiffnessFactor = new double[n];
        shearFactor = new double[n];
        dashpotFactor = new double[n];
        friction = new double[n];
        for (int t = 0; t < n; t++) {
            PairProperties pp = pairs[t];
            forceFactor[t] = 4.0 / 3.0 * pp.effectiveYoungsModulus();
            stiffnessFactor[t] = 2.0 * pp.effectiveYoungsModulus();
            shearFactor[t] = 8.0 * pp.effectiveShearModulus();
            dashpotFactor[t] = ViscoelasticDamping.dashpotFactor(pp.restitution());
            friction[t] = pp.friction();
        }
    }

    /**
     * @return the kernel for {@code law}, or {@code null} when the law is not exactly this composition (another part,
     *         an extra part, or a law that is not composed)
     */
    static HertzMindlinKernel of(ContactLaw law, Particles particles, PeriodicBox box, NeighbourList list,
                                ContactKernel kernel, PairForces general, PairProperties[] pairs, int types) {
        if (!(law instanceof ComposedContactLaw)) {
            return null;
        }
        ContactPart[] parts = ((ComposedContactLaw) law).partsByRole();
        boolean match = parts[0] instanceof HertzNormal && parts[1] instanceof ViscoelasticDamping && parts[2] == null
                && parts[3] instanceof MindlinTangential && parts[4] == null && parts[5] == null;
        return match ? new HertzMindlinKernel(particles, box, list, kernel, general, pairs, types,
                (ViscoelasticDamping) parts[1])
                : null;
    }

    /**
     * {@link PairForces#own} for this law: the pass of a worker over its particles [first, end), from the last down,
     * each one's entries ascending, with the same sums in the same order and the same stores (force of every touching
     * entry in the list; a contact with a higher worker's particle in the worker's log, for
     * {@link PairForces#addCrossContacts}). A pair that stopped touching has its history cleared.
     *
     * @param dt time step [s]
     */
    void own(Worker me, int first, int end, double dt) {
        Particles p = particles;
        NeighbourList nl = list;
        double[] out = nl.pairForce;
        double[] h = nl.history;
        byte[] touching = nl.touching;
        int[] partner = nl.partner;
        int[] start = nl.start;
        double[] x = p.x;
        double[] y = p.y;
        double[] z = p.z;
        double[] radius = p.radius;
        double overlapLimit = kernel.overlapLimit; // as a fraction of the smaller radius
        for (int i = end - 1; i >= first; i--) {
            double xi = x[i];
            double yi = y[i];
            double zi = z[i];
            double ri = radius[i];
            int ti = p.type[i] * types;
            double fx = 0;
            double fy = 0;
            double fz = 0;
            double tx = 0;
            double ty = 0;
            double tz = 0;
            int k = start[i];
            int kEnd = start[i + 1];
            for (; k < kEnd; k++) {
                int j = partner[k];
                double dx = box.imageX(xi - x[j]);
                double dy = box.imageY(yi - y[j]);
                double dz = zi - z[j];
                double r2 = dx * dx + dy * dy + dz * dz;
                double rj = radius[j];
                double sum = ri + rj;
                boolean was = touching[k] != 0;
                int o = HISTORY * k;
                if (r2 >= sum * sum) {
                    if (was) {
                        touching[k] = 0;
                        h[o] = 0;
                        h[o + 1] = 0;
                        h[o + 2] = 0;
                    }
                    continue;
                }
                int t = ti + p.type[j];
                double dist = Math.sqrt(r2);
                double overlap = ri + rj - dist;
                double invMassSum = p.invMass[i] + p.invMass[j];
                double both = 1.0 / ((ri + rj) * invMassSum);
                double reff = ri * rj * invMassSum * both;
                double root = Math.sqrt(reff * overlap);
                double kn = stiffnessFactor[t] * root;
                double kt = shearFactor[t] * root;
                if (!(overlap > 0 && kn > 0 && kt > 0)) {
                    break; // this and the particle's later entries go the general path, below
                }
                touching[k] = 1;
                // geometry (ContactKernel.pair and fill)
                double inv = 1.0 / dist;
                double nx = dx * inv;
                double ny = dy * inv;
                double nz = dz * inv;
                double ai = ri - PAIR_SHARE * overlap;
                double aj = rj - PAIR_SHARE * overlap;
                double ax = ai * p.wx[i] + aj * p.wx[j];
                double ay = ai * p.wy[i] + aj * p.wy[j];
                double az = ai * p.wz[i] + aj * p.wz[j];
                double vrx = p.vx[i] - p.vx[j] - (ay * nz - az * ny);
                double vry = p.vy[i] - p.vy[j] - (az * nx - ax * nz);
                double vrz = p.vz[i] - p.vz[j] - (ax * ny - ay * nx);
                double vn = vrx * nx + vry * ny + vrz * nz;
                double vtx = vrx - vn * nx;
                double vty = vry - vn * ny;
                double vtz = vrz - vn * nz;
                double meff = (ri + rj) * both;
                // HertzNormal, ViscoelasticDamping
                double normalElastic = forceFactor[t] * root * overlap;
                double factor = dashpotFactor[t];
                double normalDamping = factor * Math.sqrt(kn * meff) * -vn;
                double eta = factor * Math.sqrt(kt * meff);
                double limit = friction[t] * Math.abs(normalElastic + normalDamping);
                spring(me, h, o, nx, ny, nz, vtx, vty, vtz, kt, eta, limit, dt);
                double ftx = me.ftx;
                double fty = me.fty;
                double ftz = me.ftz;
                // ContactKernel.apply
                me.note(kn, invMassSum, overlap, overlapLimit * Math.min(ri, rj), i, j);
                double fn = normalElastic + normalDamping;
                double qx = ny * ftz - nz * fty;
                double qy = nz * ftx - nx * ftz;
                double qz = nx * fty - ny * ftx;
                double cfx = fn * nx + ftx;
                double cfy = fn * ny + fty;
                double cfz = fn * nz + ftz;
                double tix = -ai * qx;
                double tiy = -ai * qy;
                double tiz = -ai * qz;
                double tjx = -aj * qx;
                double tjy = -aj * qy;
                double tjz = -aj * qz;
                fx += cfx;
                fy += cfy;
                fz += cfz;
                tx += tix;
                ty += tiy;
                tz += tiz;
                PairForces.toPartner(me, p, out, k, j, end, cfx, cfy, cfz, tjx, tjy, tjz);
            }
            if (k < kEnd) {
                double[] sums = me.sums;
                sums[0] = fx;
                sums[1] = fy;
                sums[2] = fz;
                sums[3] = tx;
                sums[4] = ty;
                sums[5] = tz;
                general.generalRest(me, i, k, end, dt);
                fx = sums[0];
                fy = sums[1];
                fz = sums[2];
                tx = sums[3];
                ty = sums[4];
                tz = sums[5];
            }
            p.fx[i] = fx;
            p.fy[i] = fy;
            p.fz[i] = fz;
            p.tx[i] = tx;
            p.ty[i] = ty;
            p.tz[i] = tz;
        }
    }

    /**
     * The contact of particle i with a wall ({@link ContactKernel#wallContact}): the arithmetic of
     * {@link ContactKernel#wall} → law → {@link ContactKernel#apply} with the wall as a body of infinite radius and
     * mass, leaving the force and the torque on i in the worker.
     *
     * @return {@code false}, having done nothing, for a contact this kernel leaves to the general path (a stiffness
     *         that is not positive)
     */
    boolean wall(Worker me, int i, double overlap, double[] surface, PairProperties pp, double[] h, int o,
                 int partner, double dt) {
        Particles p = particles;
        double ri = p.radius[i];
        double root = Math.sqrt(ri * overlap);
        double kn = 2.0 * pp.effectiveYoungsModulus() * root;
        double kt = 8.0 * pp.effectiveShearModulus() * root;
        if (!(kn > 0 && kt > 0)) {
            return false;
        }
        double nx = surface[0];
        double ny = surface[1];
        double nz = surface[2];
        double arm = ri - overlap;
        double vrx = p.vx[i] - arm * (p.wy[i] * nz - p.wz[i] * ny) - surface[3];
        double vry = p.vy[i] - arm * (p.wz[i] * nx - p.wx[i] * nz) - surface[4];
        double vrz = p.vz[i] - arm * (p.wx[i] * ny - p.wy[i] * nx) - surface[5];
        double vn = vrx * nx + vry * ny + vrz * nz;
        double vtx = vrx - vn * nx;
        double vty = vry - vn * ny;
        double vtz = vrz - vn * nz;
        double invMi = p.invMass[i];
        double meff = 1.0 / invMi;
        double normalElastic = 4.0 / 3.0 * pp.effectiveYoungsModulus() * root * overlap;
        double factor = damping.cachedDashpotFactor(pp.restitution());
        double normalDamping = factor * Math.sqrt(kn * meff) * -vn;
        double eta = factor * Math.sqrt(kt * meff);
        double limit = pp.friction() * Math.abs(normalElastic + normalDamping);
        spring(me, h, o, nx, ny, nz, vtx, vty, vtz, kt, eta, limit, dt);
        me.note(kn, invMi, overlap, kernel.overlapLimit * ri, i, partner);
        double fn = normalElastic + normalDamping;
        double qx = ny * me.ftz - nz * me.fty;
        double qy = nz * me.ftx - nx * me.ftz;
        double qz = nx * me.fty - ny * me.ftx;
        me.fx = fn * nx + me.ftx;
        me.fy = fn * ny + me.fty;
        me.fz = fn * nz + me.ftz;
        me.tix = -arm * qx;
        me.tiy = -arm * qy;
        me.tiz = -arm * qz;
        return true;
    }

    /**
     * {@link MindlinTangential}'s spring ({@link org.calsim.dem.contact.TangentialSpring}): the stored displacement in
     * {@code h[o … o+2]} rotated onto the tangent plane, advanced by v_t Δt, the trial force −k_t s − η_t v_t limited
     * to μ F_N; leaves the force in the worker ({@link Worker#ftx}).
     */
    private static void spring(Worker me, double[] h, int o, double nx, double ny, double nz, double vtx,
                               double vty, double vtz, double kt, double eta, double limit, double dt) {
        TangentPlane.rotate(h, o, nx, ny, nz);
        double sx = h[o] + vtx * dt;
        double sy = h[o + 1] + vty * dt;
        double sz = h[o + 2] + vtz * dt;
        double ftx = -kt * sx - eta * vtx;
        double fty = -kt * sy - eta * vty;
        double ftz = -kt * sz - eta * vtz;
        double f2 = ftx * ftx + fty * fty + ftz * ftz;
        if (f2 > limit * limit) {
            double ratio = limit / Math.sqrt(f2);
            ftx *= ratio;
            fty *= ratio;
            ftz *= ratio;
            double compliance = 1.0 / kt;
            sx = -(ftx + eta * vtx) * compliance;
            sy = -(fty + eta * vty) * compliance;
            sz = -(ftz + eta * vtz) * compliance;
        }
        h[o] = sx;
        h[o + 1] = sy;
        h[o + 2] = sz;
        me.ftx = ftx;
        me.fty = fty;
        me.ftz = ftz;
    }

}
