package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Hertz normal contact of two elastic spheres (Hertz 1882; Johnson, Contact Mechanics, 1985, §4.2):
 * F_n = 4/3 E* √R* δ^{3/2} [N], stiffness k_n = dF_n/dδ = 2 E* √(R* δ) [N/m]. No history.
 */
@Component(service = ContactPart.Normal.class,
        property = {ServiceProperties.NAME + "=" + HertzNormal.NAME,
            ServiceProperties.DESCRIPTION + "=" + HertzNormal.DESCRIPTION})
public final class HertzNormal implements ContactPart.Normal {
    /** Service name of the part ({@code contact.normal: hertz} in a job). */
    public static final String NAME = "hertz";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "Hertz elastic spheres, F = 4/3 E* sqrt(R*) delta^1.5, k_n = 2 E* sqrt(R* "
            + "delta) (Hertz 1882; Johnson, Contact Mechanics, 4.2); E* from the materials; no history";

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        double delta = g.overlap;
        if (delta <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        double root = g.contactRadius();
        out.normalElastic = 4.0 / 3.0 * p.effectiveYoungsModulus() * root * delta;
        out.normalStiffness = 2.0 * p.effectiveYoungsModulus() * root;
    }

    /** @return the Hertz force 4/3 E* √R* δ^{3/2} [N] for the given E* [Pa], R* [m], δ [m] */
    public static double force(double eStar, double rStar, double delta) {
        return delta <= 0 ? 0 : 4.0 / 3.0 * eStar * Math.sqrt(rStar * delta) * delta;
    }
}
