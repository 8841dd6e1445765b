package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;

/**
 * Elastic–plastic spring rolling resistance (EPSD), model C of Ai, Chen, Rotter, Ooi, Powder Technol. 206
 * (2011) 269, in its three-dimensional incremental form (the {@code epsd2} rolling model of LIGGGHTS):
 *
 * <ol>
 * <li>rotate the stored torque M onto the current tangent plane and rescale it to its previous length (as
 * {@link TangentialSpring} does with its displacement);</li>
 * <li>M ← M − k_r w_t Δt, with w_t = w − (w·n) n the rolling part of the relative angular velocity
 * w = ω_i − ω_j (twisting is not resisted) and the rolling stiffness
 * <pre>   k_r = 2.25 k_n μ_r² R*²   [N·m/rad]</pre>
 * where k_n is the normal stiffness the normal part wrote ({@link ContactForce#normalStiffness}, the tangent
 * dF_n/dδ; LIGGGHTS writes Hertz's secant 4/3 E*√(R*δ) there, 2/3 of it) and μ_r the pair's rolling
 * friction;</li>
 * <li>plastic limit: if |M| &gt; M_m = μ_r R* |F_n| (F_n = {@link ContactForce#normalTotal()}), M ← M_m M/|M|:
 * the torque stays at the limit while rolling continues and unloads elastically when it reverses.</li>
 * </ol>
 * The viscous part of Ai et al.'s model C is not included (as in {@code epsd2}): it needs the rotational
 * inertia of each body, which {@link ContactGeometry} does not carry. History: 3 slots, the torque on i
 * [N·m]; zeroed out of contact.
 */
public final class EpsdRolling implements ContactPart.Rolling {

    @Override
    public int historySize() {
        return 3;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] h, int o, ContactForce out) {
        if (g.overlap <= 0) {
            h[o] = 0;
            h[o + 1] = 0;
            h[o + 2] = 0;
            out.trx = 0;
            out.try_ = 0;
            out.trz = 0;
            return;
        }
        // 1. rotate onto the current tangent plane, keep the length
        TangentPlane.rotate(g, h, o);
        double mx = h[o];
        double my = h[o + 1];
        double mz = h[o + 2];

        // 2. elastic increment from the rolling angular velocity
        double muR = p.rollingFriction();
        double rStar = g.effectiveRadius;
        double kr = 2.25 * out.normalStiffness * muR * muR * rStar * rStar;
        double wn = g.wx * g.nx + g.wy * g.ny + g.wz * g.nz;
        mx -= kr * (g.wx - wn * g.nx) * g.dt;
        my -= kr * (g.wy - wn * g.ny) * g.dt;
        mz -= kr * (g.wz - wn * g.nz) * g.dt;

        // 3. plastic limit
        double limit = muR * rStar * Math.abs(out.normalTotal());
        double m2 = mx * mx + my * my + mz * mz;
        if (m2 > limit * limit) {
            double ratio = limit / Math.sqrt(m2);
            mx *= ratio;
            my *= ratio;
            mz *= ratio;
        }
        h[o] = mx;
        h[o + 1] = my;
        h[o + 2] = mz;
        out.trx = mx;
        out.try_ = my;
        out.trz = mz;
    }
}
