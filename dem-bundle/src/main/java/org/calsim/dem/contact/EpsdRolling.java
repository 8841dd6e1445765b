package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Elastic–plastic spring rolling resistance (EPSD), exactly the {@code epsd2} rolling model of LIGGGHTS 3.8
 * ({@code rolling_model_epsd2.h}; Wensrich and Katterfeld, Powder Technol. 217 (2012) 409, after model C of Ai,
 * Chen, Rotter, Ooi, Powder Technol. 206 (2011) 269 without its viscous part):
 *
 * <ol>
 * <li>M ← M − k_r w_t Δt, with w_t = w − (w·n) n the rolling part of the relative angular velocity
 * w = ω_i − ω_j (twisting is not resisted, LIGGGHTS' default {@code torsionTorque off}) and the rolling stiffness
 * <pre>   k_r = k_t R*²   [N·m/rad]</pre>
 * where k_t is the tangential stiffness the tangential part wrote ({@link ContactForce#tangentialStiffness}: for
 * Mindlin 8G*√(R*δ), LIGGGHTS' {@code kt}) and R* the effective radius (the particle radius at a wall). A law without
 * a tangential part has k_t = 0 and so no rolling stiffness;</li>
 * <li>plastic limit: if |M| &gt; M_m = μ_r R* F_N, with μ_r the pair's rolling friction and F_N =
 * {@link ContactForce#frictionNormal()} (LIGGGHTS: |F_n|), M ← M_m M/|M|: the torque stays at the limit while
 * rolling continues and unloads elastically when it reverses.</li>
 * </ol>
 * One addition to LIGGGHTS: before the increment, the stored torque is rotated onto the current tangent plane
 * and rescaled to its previous length (as {@link TangentialSpring} does with its displacement), so a contact
 * whose normal turns keeps a torque perpendicular to it; for a fixed normal the two are identical. The viscous part
 * of Ai et al.'s model C ({@code epsd} in LIGGGHTS) is not included: it needs each body's rotational inertia, which
 * {@link ContactGeometry} does not carry. History: 3 slots, the torque on i [N·m]; zeroed out of contact.
 */
@Component(service = ContactPart.Rolling.class,
        property = {ServiceProperties.NAME + "=" + EpsdRolling.NAME,
            ServiceProperties.DESCRIPTION + "=" + EpsdRolling.DESCRIPTION})
public final class EpsdRolling implements ContactPart.Rolling {
    /** Service name of the part ({@code contact.rolling: epsd2} in a job). */
    public static final String NAME = "epsd2";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "elastic-plastic spring rolling resistance, LIGGGHTS epsd2 (Wensrich and "
            + "Katterfeld 2012; Ai et al. 2011 model C): k_r = k_t R*^2, limit mu_r R* F_n, mu_r from with: "
            + "rolling_friction; 3 history slots (rolling torque)";

    @Override
    public int historySize() {
        return 3;
    }

    /**
     * @param tangentialStiffness k_t [N/m]
     * @param effectiveRadius     R* [m]
     * @return the rolling stiffness k_r = k_t R*² of LIGGGHTS' epsd2 [N·m/rad]
     */
    public static double stiffness(double tangentialStiffness, double effectiveRadius) {
        return tangentialStiffness * effectiveRadius * effectiveRadius;
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
        double kr = stiffness(out.tangentialStiffness, rStar);
        double wn = g.wx * g.nx + g.wy * g.ny + g.wz * g.nz;
        mx -= kr * (g.wx - wn * g.nx) * g.dt;
        my -= kr * (g.wy - wn * g.ny) * g.dt;
        mz -= kr * (g.wz - wn * g.nz) * g.dt;

        // 3. plastic limit
        double limit = muR * rStar * out.frictionNormal();
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
