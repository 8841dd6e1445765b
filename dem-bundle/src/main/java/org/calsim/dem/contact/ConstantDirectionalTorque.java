package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Constant directional torque (CDT) rolling resistance, model A of Ai, Chen, Rotter, Ooi, Powder Technol.
 * 206 (2011) 269 (after Zhou et al., Physica A 269 (1999) 536), as the {@code cdt} rolling model of LIGGGHTS:
 *
 * <pre>
 *   M_r = −μ_r R* |F_n| ŵ,    ŵ = w / |w|,   w = ω_i − ω_j        [N·m], on i
 * </pre>
 *
 * with μ_r the pair's {@link PairProperties#rollingFriction()} and F_n the total contact normal force the
 * earlier parts wrote ({@link ContactForce#frictionNormal()}, as the Coulomb limit uses). Zero when w = 0 or
 * out of contact. The torque does not vanish as w → 0, so in a packing at rest it flips sign from step to
 * step (Ai et al. 2011); prefer {@link EpsdRolling} for quasi-static compaction. No history.
 */
@Component(service = ContactPart.Rolling.class,
        property = {ServiceProperties.NAME + "=" + ConstantDirectionalTorque.NAME,
            ServiceProperties.DESCRIPTION + "=" + ConstantDirectionalTorque.DESCRIPTION})
public final class ConstantDirectionalTorque implements ContactPart.Rolling {
    /** Service name of the part ({@code contact.rolling: cdt} in a job). */
    public static final String NAME = "cdt";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "constant directional torque M = -mu_r R* F_n w/|w| (Ai, Chen, Rotter, "
            + "Ooi 2011 model A; Zhou et al. 1999); mu_r from with: rolling_friction; flips sign in a packing at rest, "
            + "prefer epsd2 for compaction; no history";

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        double w = Math.sqrt(g.wx * g.wx + g.wy * g.wy + g.wz * g.wz);
        if (g.overlap <= 0 || w == 0) {
            out.trx = 0;
            out.try_ = 0;
            out.trz = 0;
            return;
        }
        double scale = -p.rollingFriction() * g.effectiveRadius * out.frictionNormal() / w;
        out.trx = scale * g.wx;
        out.try_ = scale * g.wy;
        out.trz = scale * g.wz;
    }
}
