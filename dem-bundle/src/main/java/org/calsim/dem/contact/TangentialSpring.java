package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;

/**
 * Incremental tangential spring–dashpot with a Coulomb limit, as in the GRANULAR package of LAMMPS and
 * the {@code tangential_history} model of LIGGGHTS. History: the accumulated tangential displacement
 * s (3 slots, [m]). Each call:
 *
 * <ol>
 * <li>rotate s onto the current tangent plane (remove its component along n) and rescale it to its
 * previous length, so a rolling pair keeps its stored spring;</li>
 * <li>s ← s + v_t Δt;</li>
 * <li>trial force F_t = −k_t s − η_t v_t, with k_t from {@link #stiffness} and η_t from the damping part;</li>
 * <li>if |F_t| &gt; μ F_N, with F_N = {@link ContactForce#frictionNormal()} (the total normal force the earlier parts
 * wrote; with adhesion LAMMPS's |F_ne + 2 F_pulloff|, so that adhesion does not remove friction): F_t ← μ F_N F_t/|F_t|
 * and s ← −(F_t + η_t v_t)/k_t, so the spring holds exactly the sliding force.</li>
 * </ol>
 * Out of contact (δ ≤ 0) the history is zeroed and no force is written.
 */
public abstract class TangentialSpring implements ContactPart.Tangential {

    /** @return the tangential stiffness k_t [N/m] at the current contact */
    protected abstract double stiffness(ContactGeometry g, PairProperties p, ContactForce out);

    @Override
    public final int historySize() {
        return 3;
    }

    @Override
    public final void apply(ContactGeometry g, PairProperties p, double[] h, int o, ContactForce out) {
        if (g.overlap <= 0) {
            h[o] = 0;
            h[o + 1] = 0;
            h[o + 2] = 0;
            out.ftx = 0;
            out.fty = 0;
            out.ftz = 0;
            out.tangentialStiffness = 0;
            return;
        }
        // 1. rotate onto the current tangent plane, keep the length
        TangentPlane.rotate(g, h, o);
        double sx = h[o];
        double sy = h[o + 1];
        double sz = h[o + 2];

        // 2. accumulate the tangential displacement of this step
        sx += g.vtx * g.dt;
        sy += g.vty * g.dt;
        sz += g.vtz * g.dt;

        // 3. trial spring-dashpot force
        double kt = stiffness(g, p, out);
        double eta = out.tangentialDampingCoefficient;
        double fx = -kt * sx - eta * g.vtx;
        double fy = -kt * sy - eta * g.vty;
        double fz = -kt * sz - eta * g.vtz;

        // 4. Coulomb limit
        double limit = p.friction() * out.frictionNormal();
        double f2 = fx * fx + fy * fy + fz * fz;
        if (f2 > limit * limit) {
            double ratio = limit / Math.sqrt(f2);
            fx *= ratio;
            fy *= ratio;
            fz *= ratio;
            if (kt > 0) {
                double compliance = 1.0 / kt;
                sx = -(fx + eta * g.vtx) * compliance;
                sy = -(fy + eta * g.vty) * compliance;
                sz = -(fz + eta * g.vtz) * compliance;
            } else {
                sx = 0;
                sy = 0;
                sz = 0;
            }
        }
        h[o] = sx;
        h[o + 1] = sy;
        h[o + 2] = sz;
        out.ftx = fx;
        out.fty = fy;
        out.ftz = fz;
        out.tangentialStiffness = kt;
    }
}
