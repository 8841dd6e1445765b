package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;

/**
 * Hertz normal contact of two elastic spheres (Hertz 1882; Johnson, Contact Mechanics, 1985, §4.2):
 * F_n = 4/3 E* √R* δ^{3/2} [N], stiffness k_n = dF_n/dδ = 2 E* √(R* δ) [N/m]. No history.
 */
public final class HertzNormal implements ContactPart.Normal {

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        double delta = g.overlap;
        if (delta <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        double root = Math.sqrt(g.effectiveRadius * delta);
        out.normalElastic = 4.0 / 3.0 * p.effectiveYoungsModulus() * root * delta;
        out.normalStiffness = 2.0 * p.effectiveYoungsModulus() * root;
    }

    /** @return the Hertz force 4/3 E* √R* δ^{3/2} [N] for the given E* [Pa], R* [m], δ [m] */
    public static double force(double eStar, double rStar, double delta) {
        return delta <= 0 ? 0 : 4.0 / 3.0 * eStar * Math.sqrt(rStar * delta) * delta;
    }
}
